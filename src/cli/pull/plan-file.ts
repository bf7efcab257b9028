// Reading the plan file as text (the rewrite needs the original bytes) and writing it back
// atomically: the new text goes to a temporary file in the same directory, which then replaces
// the plan in one rename, so a reader never sees half a file and a crash leaves the old one.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError, parsePlanText, type Plan, type PlanFormat } from '../../core';

export interface PlanFile {
  path: string;
  text: string;
  format: PlanFormat;
  plan: Plan;
}

/** A file that cannot be read (exit 2: fix the path) or that changed under us (exit 1: run again). */
export class PlanFileError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export async function readPlanFile(path: string): Promise<PlanFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlanFileError(code === 'ENOENT' ? `cannot read ${path}: no such file` : `cannot read ${path}: ${(e as Error).message}`, 2);
  }
  const format = formatOf(path, text);
  try {
    return { path, text, format, plan: parsePlanText(text, format) };
  } catch (e) {
    if (e instanceof InvalidInputError) throw new InvalidInputError(e.problems, `${path}: ${e.message.split(':')[0]}`);
    throw e;
  }
}

/** By extension, as `okr evaluate` reads it; without one, JSON when the text is JSON. */
function formatOf(path: string, text: string): PlanFormat {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/^\s*[{[]/.test(text)) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'yaml';
    }
  }
  return 'yaml';
}

/**
 * Replaces the file with `text`, unless it no longer holds `expected` (someone edited it during
 * the pull: their edit wins and nothing is written). Keeps the file's permission bits.
 */
export async function writePlanFile(path: string, text: string, expected: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const { mode } = await stat(path);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await chmod(temp, mode & 0o7777);
    if ((await readFile(path, 'utf8')) !== expected) {
      throw new PlanFileError(`${path} changed while the work items were being pulled; nothing was written, run the pull again`, 1);
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
