#!/usr/bin/env node
// The `okr` command. It runs the JavaScript bundle that `npm run build:cli` makes from src/cli
// (`npm ci` and `npm install` build it through `prepare`), so no TypeScript is compiled at run time.
import { existsSync } from 'node:fs';
import module from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';

const bundle = new URL('../build/cli/okr.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('okr: the command is not built yet (build/cli/okr.mjs is missing): run `npm run build:cli` in the harmony-okr folder\n');
  process.exit(2);
}
// Node 22.1 and later keep V8's compiled code of the bundle between runs, so start-up skips most
// compiling (on older Node this does not exist and nothing happens).
module.enableCompileCache?.();
await import(bundle.href);
