// `okr pull ado|jira PLAN ...`: refresh one tracker's work items in a plan file from the live
// tracker. Exit 0 done (or nothing to change); 1 the file changed during the pull; 2 usage,
// missing credentials or an invalid plan; 3 the tracker failed (unreachable, refused, throttled).
import { InvalidInputError } from '../../core';
import type { CliIo, Output } from '../io';
import { plainOutput, terminalSafe } from '../render/terminal-text';
import { fetchAdoSnapshot } from './fetch-ado';
import { fetchJiraSnapshot } from './fetch-jira';
import { linkedRefs } from './links';
import { hasChanges, mergeSnapshot } from './merge';
import { parsePullArgs, PULL_USAGE, PullUsageError, type PullRequest } from './options';
import { PlanFileError, readPlanFile, writePlanFile } from './plan-file';
import { createProgress, type Progress } from './progress';
import { changeLines, countChanges, summaryLine, TRACKER_NAMES } from './render-changes';
import { rewritePlanText } from './rewrite';
import type { Snapshot } from './snapshot';
import { describeTrackerError, type PullTarget } from './tracker-errors';

export async function runPull(argv: readonly string[], raw: CliIo): Promise<number> {
  // Titles and error messages come from the tracker and the plan file: never as control codes.
  // Only the progress line (ours alone) goes to the raw stream, to redraw itself in place.
  const io = { ...raw, stdout: plainOutput(raw.stdout), stderr: plainOutput(raw.stderr) };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(`${PULL_USAGE}\n`);
    return 0;
  }
  try {
    return await pull(parsePullArgs(argv, io.env), io, raw.stderr);
  } catch (e) {
    if (e instanceof PullUsageError) {
      io.stderr.write(`okr pull: ${e.message}\n${e.showUsage ? `\n${PULL_USAGE}\n` : ''}`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      io.stderr.write(`okr pull: ${e.message}\n`);
      return 2;
    }
    if (e instanceof PlanFileError) {
      io.stderr.write(`okr pull: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

async function pull(request: PullRequest, io: CliIo, progressTo: Output): Promise<number> {
  const file = await readPlanFile(request.file);
  const { system } = request;
  const refs = linkedRefs(file.plan, system);
  const label = `okr pull ${system}`;
  let snapshot: Snapshot;
  if (refs.length === 0) {
    io.stderr.write(`${label}: no key result links a ${TRACKER_NAMES[system]} work item; nothing to fetch\n`);
    snapshot = { items: [], missing: [], requests: 0 };
  } else {
    const progress = createProgress(progressTo, system, TRACKER_NAMES[system]);
    try {
      snapshot = await fetchSnapshot(request, refs, progress);
    } catch (e) {
      const message = describeTrackerError(e, target(request));
      progress.finish();
      if (message === undefined) throw e;
      io.stderr.write(`${label}: ${message}\nNothing was written.\n`);
      return 3;
    }
    const detail = snapshot.requestDetail === undefined ? '' : ` (${snapshot.requestDetail})`;
    progress.finish(`${label}: ${snapshot.items.length} work items in ${snapshot.requests} requests${detail}`);
  }
  if (snapshot.missing.length > 0) {
    io.stderr.write(
      `${label}: ${snapshot.missing.length} linked work item(s) not found or not visible to these credentials, left out of the snapshot ` +
        `(okr lint reports them as unknown-work-item): ${snapshot.missing.join(', ')}\n`,
    );
  }
  const merge = mergeSnapshot(file.plan.workItems, system, snapshot.items);
  const counts = countChanges(merge, system);
  if (request.dryRun) {
    io.stdout.write(`${summaryLine(file.path, system, counts, 'dry-run')}\n${changeLines(terminalSafe(merge)).map((l) => `${l}\n`).join('')}`);
    return 0;
  }
  if (!hasChanges(merge)) {
    io.stdout.write(`${summaryLine(file.path, system, counts, 'up-to-date')}\n`);
    return 0;
  }
  const rewrite = rewritePlanText(file.text, file.format, file.plan, merge);
  await writePlanFile(file.path, rewrite.text, file.text);
  if (rewrite.fidelity === 'values') {
    io.stderr.write(`${label}: the file's layout could not be kept, so it was rewritten in the standard layout; its comments were lost\n`);
  }
  io.stdout.write(`${summaryLine(file.path, system, counts, 'written')}\n`);
  return 0;
}

function fetchSnapshot(request: PullRequest, refs: readonly string[], progress: Progress): Promise<Snapshot> {
  return request.system === 'ado' ? fetchAdoSnapshot(refs, request.target, progress) : fetchJiraSnapshot(refs, request.target, progress);
}

function target(request: PullRequest): PullTarget {
  return request.system === 'ado'
    ? { system: 'ado', orgUrl: request.target.orgUrl, project: request.target.project }
    : { system: 'jira', siteUrl: request.target.siteUrl, emailFrom: request.emailFrom };
}
