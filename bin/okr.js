#!/usr/bin/env node
// The `okr` command. tsx runs the TypeScript sources directly, so `npx okr` works right after `npm ci`.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
