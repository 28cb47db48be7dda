/** Ends an exhaustive switch: a case left out fails to compile (`value` is not `never`). */
export function assertUnreachable(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
