import { parseArgs } from 'node:util';

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; required?: boolean }>;

export function parseOptions<S extends OptionSpec>(
  argv: string[],
  spec: S,
): { [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : string | undefined } {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(spec).map(([name, { type }]) => [name, { type }]));
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  for (const [name, { required }] of Object.entries(spec)) {
    if (required && (values[name] === undefined || values[name] === '')) throw new UsageError(`--${name} is required`);
  }
  return values as { [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : string | undefined };
}
