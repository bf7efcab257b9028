// The `okr` process: what scripts/build-cli.js bundles into build/cli/okr.cjs, which bin/okr.js runs.
import process from 'node:process';
import { main } from './main';
import { plainOutput } from './render/terminal-text';

// `okr evaluate … | head` closes the pipe early: that is the reader's choice, not an error worth
// a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Every input and usage problem is answered inside `main`; what reaches here is a defect. Its
    // own exit code keeps CI from reading it as "lint found errors" (1) or "invalid plan" (2).
    // Its message may quote the plan's text: escaped like every other message.
    plainOutput(process.stderr).write(`okr: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
