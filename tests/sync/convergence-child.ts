// A desk syncing as fast as it can until it is killed: run by convergence-run.ts (the SIGKILL runs of
// `npm run test:sync`), which SIGKILLs it at a random moment, most likely inside one of the many small
// pulls it applies (pages of 1–20 changes), then reopens the same files and syncs on in-process.
import { writeSync } from 'node:fs';
import { createCore } from '../../src-main/core/app';
import { httpTransport } from '../../src-main/core/sync/transport';

interface ChildSetup {
  file: string;
  keyHex: string;
  url: string;
  now: number;
}

const setup = JSON.parse(process.env.FUZZ_CHILD ?? '{}') as ChildSetup;
const core = await createCore({
  file: setup.file,
  key: Buffer.from(setup.keyHex, 'hex'),
  clock: () => setup.now,
  syncTransport: () => {
    const real = httpTransport(setup.url, null);
    return (request) =>
      real({ ...request, path: request.path.replace(/limit=\d+/, `limit=${1 + Math.floor(Math.random() * 20)}`) });
  },
});
writeSync(1, 'READY\n');
for (;;) {
  const result = await core.syncClient.syncOnce().catch(() => null);
  if (result) writeSync(1, `ROUND ${result.pushed} ${result.pulled}\n`);
}
