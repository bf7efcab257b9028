// The published API contracts the tests check against, vendored into the repository (see
// published/README.md for each file's source and licence, and vendor.ts to regenerate them).
// Missing contracts fail loudly: a contract test that cannot find its contract is broken.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CONTRACTS_DIR = fileURLToPath(new URL('./published/', import.meta.url));

export const contractFile = (name: string): string => {
  const file = `${CONTRACTS_DIR}${name}`;
  if (!existsSync(file)) {
    throw new Error(`the published API contract ${name} is missing from ${CONTRACTS_DIR}: regenerate it with npx tsx test/contracts/vendor.ts`);
  }
  return file;
};
