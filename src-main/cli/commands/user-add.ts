import { contract } from '../../../src-shared/api/contract';
import { validateInput } from '../../core/api/validate';
import { parseOptions, UsageError } from '../args';
import { openCore } from '../data-folder';
import { invokeAsSystem } from '../system-actor';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function userAddCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    username: { type: 'string', required: true },
    name: { type: 'string', required: true },
    role: { type: 'string', required: true },
    'password-stdin': { type: 'boolean' },
  });
  const password = options['password-stdin'] ? await readStdin() : process.env.CLINIC_USER_PASSWORD;
  if (password === undefined)
    throw new UsageError('give the password on standard input with --password-stdin, or in CLINIC_USER_PASSWORD');
  // Checked before the database is opened, so a mistyped role fails fast (no key needed); the router checks again.
  const input = validateInput(contract['users.create'].input, {
    username: options.username,
    displayName: options.name,
    role: options.role,
    password,
  });
  const core = await openCore(options.data ?? '', options['key-file']);
  try {
    // Through the router as the system: written and audited in one transaction.
    const user = await invokeAsSystem(core, 'users.create', input);
    console.log(`Added ${user.displayName} (${user.username}) as ${user.role}.`);
    return 0;
  } finally {
    await core.close();
  }
}
