// One-shot child process for peak memory: `parse` only reads + JSON.parses; `evaluate` does it all.
import { readFileSync } from 'node:fs';
import { evaluate, parsePlanText, type IsoDate } from '../src/core';

const [mode, file, at] = process.argv.slice(2) as [string, string, IsoDate];
const text = readFileSync(file, 'utf8');
const result: unknown = mode === 'parse' ? JSON.parse(text) : evaluate(parsePlanText(text, 'json'), at);
void result;
process.stdout.write(`${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`);
