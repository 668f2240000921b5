import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import type { AuditHead } from '../../src-main/core/audit/chain';
import { verifyAuditChain } from '../../src-main/core/audit/repository';
import { openEncryptedHandle } from '../../src-main/core/db/open';
import { nodeEntry } from '../helpers/node-entry';
import { REPO_ROOT } from '../helpers/run-cli';
import { ACK_CHECKS, setUpCrashClinic, type AckKind, type CrashClinic } from './crash-clinic';

/** `npm test` kills 5 times; `npm run test:reliability` 200 (CRASH_KILLS). */
const KILLS = Number(process.env.CRASH_KILLS ?? '5');
let clinic: CrashClinic | undefined;
afterAll(() => {
  if (clinic) rmSync(clinic.dir, { recursive: true, force: true });
});

interface Round {
  acked: { kind: AckKind; id: string }[];
}

/** Starts the child, lets it write for a random 0.2–1.5 s after it is ready, and SIGKILLs it. */
function killedRound(setup: CrashClinic, firstIndex: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeEntry('tests/reliability/crash-child.ts'), {
      cwd: REPO_ROOT,
      env: { ...process.env, CRASH_CLINIC: JSON.stringify(setup), CRASH_FIRST_INDEX: String(firstIndex) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killed && out.includes('READY\n')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), 200 + Math.floor(Math.random() * 1300));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`the crash child stopped by itself (${code}):\n${err}\n${out}`));
        return;
      }
      // Only whole lines: a line cut by the kill was never a complete acknowledgement.
      const acked = out
        .split('\n')
        .slice(0, -1)
        .filter((line) => line.startsWith('ACK '))
        .map((line) => {
          const [, kind, id] = line.split(' ');
          return { kind: kind as AckKind, id: id ?? '' };
        });
      resolve({ acked });
    });
  });
}

describe('crash durability', () => {
  it(
    `keeps every acknowledged write and audited view across ${KILLS} SIGKILLs during writes, with integrity and the audit chain intact`,
    { timeout: 60_000 + KILLS * 30_000 },
    async () => {
      clinic = await setUpCrashClinic();
      const key = Buffer.from(clinic.keyHex, 'hex');
      let acknowledged = 0;
      let index = 0;
      // Each kill's entries are verified against the head verified before it; the last kill verifies the
      // whole chain again. A full walk after every kill grew with the chain: half of 200 kills' time.
      let verified: AuditHead | null = null;
      for (let kill = 1; kill <= KILLS; kill += 1) {
        const round = await killedRound(clinic, index);
        index += round.acked.length + 1;
        acknowledged += round.acked.length;

        const handle = openEncryptedHandle({ file: clinic.file, key });
        try {
          expect(handle.pragma('integrity_check', { simple: true }), `after kill ${kill}`).toBe('ok');
          for (const { kind, id } of round.acked) {
            const found = handle.prepare(ACK_CHECKS[kind]).get(id);
            expect(found, `kill ${kill}: acknowledged ${kind} ${id} is missing`).toBeDefined();
          }
        } finally {
          handle.close();
        }
        // Opening as a host takes over the killed child's lock and checks the log against its checkpoint.
        const core = await createCore({ file: clinic.file, key, lock: 'the crash test' });
        try {
          expect(core.database.auditFinding, `kill ${kill}`).toBeNull();
          const verification = await verifyAuditChain(core.database.db, kill === KILLS ? null : verified);
          expect(verification, `kill ${kill}`).toMatchObject({ ok: true });
          verified = verification.head;
        } finally {
          await core.close();
        }
      }
      console.log(`crash durability: ${KILLS} kills, ${acknowledged} acknowledged writes and views, 0 lost`);
      expect(acknowledged).toBeGreaterThan(0);
    },
  );
});
