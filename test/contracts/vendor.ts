// Regenerates published/ from a folder of the upstream contracts
// (`npx tsx test/contracts/vendor.ts DIR`). Tests read only published/, and the repository names
// no folder outside itself: the upstream folder is whatever the developer points at. The ADO
// files are copied whole; the Jira OpenAPI is trimmed to JIRA_PATHS and the schemas they reach.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JIRA_PATHS } from './jira-paths';
import { trimOpenApi } from './trim-openapi';

const here = fileURLToPath(new URL('.', import.meta.url));
const given = process.argv[2];
if (given === undefined) {
  process.stderr.write('usage: npx tsx test/contracts/vendor.ts DIR   (DIR: the folder holding the upstream contracts)\n');
  process.exit(2);
}
const source = resolve(given);
const target = join(here, 'published');

const JIRA = 'jira-cloud-platform-v3.openapi.json';
const ADO_FILES = ['ado-wit-7.2.swagger.json', 'ado-wit-7.2-LICENSE.txt'];
const ADO_EXAMPLES = 'ado-wit-7.2-examples';

// Upstream files may be read-only; a copy is written fresh so the next run can replace it.
const copy = (from: string, to: string): void => {
  rmSync(to, { force: true });
  writeFileSync(to, readFileSync(from));
};

const upstream = JSON.parse(readFileSync(join(source, JIRA), 'utf8')) as Record<string, unknown>;
const { doc, addedForRouting } = trimOpenApi(upstream, JIRA_PATHS);
rmSync(join(target, JIRA), { force: true });
writeFileSync(join(target, JIRA), `${JSON.stringify(doc, null, 1)}\n`);

for (const file of ADO_FILES) copy(join(source, file), join(target, file));
rmSync(join(target, ADO_EXAMPLES), { recursive: true, force: true });
mkdirSync(join(target, ADO_EXAMPLES));
for (const file of readdirSync(join(source, ADO_EXAMPLES))) {
  copy(join(source, ADO_EXAMPLES, file), join(target, ADO_EXAMPLES, file));
}

const kept = Object.keys(doc.paths as object).length;
const schemas = Object.keys((doc.components as { schemas: object }).schemas).length;
console.log(`${JIRA}: ${kept} paths (${addedForRouting.length} kept for routing: ${addedForRouting.join(', ')}), ${schemas} schemas`);
console.log(`copied ${ADO_FILES.join(', ')} and ${ADO_EXAMPLES}/ from ${source}`);
