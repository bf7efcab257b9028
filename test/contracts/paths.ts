// The published contracts live in shared/ beside the checkout (CI clones main with shared/ next
// to it). Missing contracts fail loudly: a contract test that cannot find its contract is broken.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CONTRACTS_DIR = fileURLToPath(new URL('../../../shared/contracts/', import.meta.url));

if (!existsSync(CONTRACTS_DIR)) {
  throw new Error(`the published API contracts are missing: expected ${CONTRACTS_DIR} (shared/ beside the checkout)`);
}

export const contractFile = (name: string): string => `${CONTRACTS_DIR}${name}`;
