#!/usr/bin/env node
// The `okr` command. It runs the JavaScript bundle that `npm run build:cli` makes from src/cli
// (`npm ci` and `npm install` build it through `prepare`), so no TypeScript is compiled at run time.
//
// The bundle is run with V8's code cache: build/cli/okr.v8cache holds the compiled code of what
// earlier runs executed, so a start skips most compiling. When the cache is missing or V8 refuses
// it (another Node version, a new bundle), this run writes a fresh one as it exits, if it may.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../build/cli/okr.cjs', import.meta.url));
const cacheFile = file.replace(/\.cjs$/, '.v8cache');
if (!existsSync(file)) {
  process.stderr.write('okr: the command is not built yet (build/cli/okr.cjs is missing): run `npm run build:cli` in the harmony-okr folder\n');
  process.exit(2);
}

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache yet: this run makes one
}
const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(wrapped, { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected === true) {
  process.once('exit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // a read-only install: run without a cache
    }
  });
}
const cjs = { exports: {} };
script.runInThisContext()(cjs.exports, createRequire(file), cjs, file, dirname(file));
