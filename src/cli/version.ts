// okr's version: package.json's, written into the bundle by scripts/build-cli.js (esbuild
// `define`), so the command reads no file for it and src/cli imports nothing outside src/.
declare const OKR_VERSION: string | undefined;

/** Run from the TypeScript sources (not the bundle), there is no build to say it. */
export const version: string = typeof OKR_VERSION === 'string' ? OKR_VERSION : '(unbundled sources)';
