/**
 * One desk in the double-booking race (tests/unit/scheduling-race.test.ts): its own process, its own
 * connection to the clinic file. Waits for {book} messages and answers each with the result, starting
 * at the wall-clock instant the parent chose so that both desks hit the database together.
 */
import { createCore } from '../../src-main/core/app';

interface OpenMessage {
  type: 'open';
  file: string;
  keyHex: string;
  username: string;
  password: string;
}
interface BookMessage {
  type: 'book';
  trial: number;
  at: number;
  input: unknown;
}

const send = (message: unknown) => process.send?.(message);

async function main(): Promise<void> {
  let core: Awaited<ReturnType<typeof createCore>> | null = null;
  process.on('message', (message: OpenMessage | BookMessage | { type: 'close' }) => {
    void (async () => {
      if (message.type === 'open') {
        core = await createCore({ file: message.file, key: Buffer.from(message.keyHex, 'hex') });
        const login = await core.invoke('desk', 'auth.login', {
          username: message.username,
          password: message.password,
        });
        send({ type: 'ready', ok: login.ok });
      } else if (message.type === 'book' && core) {
        while (Date.now() < message.at) {
          // Spin to the agreed instant: a timer would add its own jitter.
        }
        const result = await core.invoke('desk', 'appointments.book', message.input);
        send({ type: 'booked', trial: message.trial, ok: result.ok, error: result.ok ? null : result.error });
      } else if (message.type === 'close') {
        await core?.close();
        process.exit(0);
      }
    })();
  });
  send({ type: 'started' });
}

void main();
