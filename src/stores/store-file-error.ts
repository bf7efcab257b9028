// Raised when a store's file cannot serve as one: missing folder, a directory, not a SQLite
// database, damaged pages, another program's database, or a schema from a newer Harmony. The
// message names the file and what to do, since the person reading it runs the workbench and
// has no other way to find out which file is meant.

export class StoreFileError extends Error {
  readonly code = 'store-file';
  constructor(readonly file: string, problem: string, options?: { cause?: unknown }) {
    super(`store file ${file} ${problem}`, options);
    this.name = 'StoreFileError';
  }
}
