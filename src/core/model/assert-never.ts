// The default branch of an exhaustive switch: with it, adding a case to a union is a compile
// error in every switch that does not handle it, instead of a silent fallthrough at run time.
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
