import { randomUUID } from 'node:crypto';
import type { ServerDb } from '../../src-server/db/open';
import { newEnrolmentCode } from '../../src-server/sync/credentials';
import { makeEnrolmentCode } from '../../src-server/sync/service';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import type { EnrolResponse, PullResponse, PushResponse, SyncChange, SyncValue } from '../../src-shared/sync/protocol';
import { benchServer, postgresMissing, type ServerBackend } from './sync-servers';
import { Mismatch } from './suite';

/**
 * One server, many desks (issue 17: "a server on PostgreSQL with 20 desks pushing and pulling:
 * throughput and p95 latency printed, and the same against one PGlite server"). Twenty enrolled
 * devices, each in a loop of its own, all at once: push a batch (new patients, whole rows, and edits
 * of one column of patients pushed before), then pull until the server has no more, as a desk's sync
 * round does. The server runs in its own process (`npm run server`); the desks speak its HTTP
 * protocol from this one. Every desk must end holding every change accepted.
 */

const DESKS = 20;
const NEW_A_BATCH = 10;
const EDITS_A_BATCH = 10;

interface LoadDesk {
  deviceId: string;
  token: string;
  counter: number;
  cursor: string;
  mine: string[];
  seen: number;
}

async function call<T>(url: string, method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: token } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T;
  if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A whole patients row as a desk inserts it: every column filled by its type. */
function patientRow(id: string, index: number): Record<string, SyncValue> {
  const spec = SYNCED_COLUMNS.patients;
  const row: Record<string, SyncValue> = {};
  for (const column of spec.columns) {
    row[column.name] = column.type === 'TEXT' ? `${column.name}-${index}` : column.type === 'REAL' ? 1.5 : 1;
  }
  return { ...row, id };
}

function changeOf(desk: LoadDesk, key: string, values: Record<string, SyncValue>): SyncChange {
  desk.counter += 1;
  return {
    id: randomUUID(),
    table: 'patients',
    key: [key],
    op: 'upsert',
    values,
    hlc: `${String(Date.now()).padStart(15, '0')}:${String(desk.counter % 1_000_000).padStart(6, '0')}:${desk.deviceId}`,
    deviceId: desk.deviceId,
    userId: null,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function pullAll(url: string, desk: LoadDesk, pulls: number[]): Promise<void> {
  for (;;) {
    const t0 = performance.now();
    const page = await call<PullResponse>(
      url,
      'GET',
      `/v1/pull?after=${encodeURIComponent(desk.cursor)}&waitMs=0`,
      desk.token,
    );
    pulls.push(performance.now() - t0);
    desk.seen += page.changes.length;
    desk.cursor = page.cursor;
    if (!page.hasMore) return;
  }
}

async function loadOnce(backend: ServerBackend, rounds: number, log: (line: string) => void): Promise<void> {
  const { server, prepared: codes } = await benchServer(backend, async (db: ServerDb) => {
    const codes: string[] = [];
    for (let i = 0; i < DESKS; i += 1) {
      const code = newEnrolmentCode();
      await makeEnrolmentCode(db, 'Load Clinic', code, 3_600_000);
      codes.push(code);
    }
    return codes;
  });
  try {
    const desks: LoadDesk[] = [];
    for (const [i, code] of codes.entries()) {
      const enrolled = await call<EnrolResponse>(server.url, 'POST', '/v1/enrol', undefined, {
        code,
        deviceName: `Desk ${i + 1}`,
      });
      desks.push({
        deviceId: enrolled.deviceId,
        token: `Bearer ${enrolled.deviceId}.${enrolled.secret}`,
        counter: 0,
        cursor: '',
        mine: [],
        seen: 0,
      });
    }
    const pushes: number[] = [];
    const pulls: number[] = [];
    let accepted = 0;
    const started = performance.now();
    await Promise.all(
      desks.map(async (desk) => {
        for (let round = 0; round < rounds; round += 1) {
          const batch: SyncChange[] = [];
          for (let i = 0; i < NEW_A_BATCH; i += 1) {
            const id = randomUUID();
            desk.mine.push(id);
            batch.push(changeOf(desk, id, patientRow(id, round)));
          }
          for (let i = 0; i < EDITS_A_BATCH && round > 0; i += 1) {
            const id = desk.mine[(round * 7 + i * 13) % (desk.mine.length - NEW_A_BATCH)] ?? '';
            batch.push(changeOf(desk, id, { first_name: `Edited ${round}.${i}` }));
          }
          const t0 = performance.now();
          const answer = await call<PushResponse>(server.url, 'POST', '/v1/push', desk.token, {
            changes: batch,
            deskTime: Date.now(),
          });
          pushes.push(performance.now() - t0);
          const refused = answer.results.filter((r) => r.status !== 'accepted');
          if (refused.length > 0) throw new Mismatch(`server-load: a push was refused: ${JSON.stringify(refused[0])}`);
          accepted += batch.length;
          await pullAll(server.url, desk, pulls);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Then every desk catches up: each must hold every change accepted (its own come back too).
    for (const desk of desks) await pullAll(server.url, desk, []);
    const short = desks.filter((desk) => desk.seen !== accepted);
    if (short.length > 0)
      throw new Mismatch(`server-load: ${short.length} desks hold ${short[0]?.seen} changes of ${accepted} accepted`);
    pushes.sort((a, b) => a - b);
    pulls.sort((a, b) => a - b);
    const delivered = desks.reduce((sum, desk) => sum + desk.seen, 0);
    log(
      `server-load (${backend}): ${DESKS} desks × ${rounds} rounds in ${seconds.toFixed(1)} s: ${Math.round(accepted / seconds)} changes/s pushed and accepted, ${Math.round(delivered / seconds)} changes/s delivered by pulls (${accepted} changes, each to ${DESKS} desks)`,
    );
    log(
      `server-load (${backend}): push of ${NEW_A_BATCH + EDITS_A_BATCH} changes p50 ${percentile(pushes, 50).toFixed(1)} ms, p95 ${percentile(pushes, 95).toFixed(1)} ms (${pushes.length} pushes); pull p50 ${percentile(pulls, 50).toFixed(1)} ms, p95 ${percentile(pulls, 95).toFixed(1)} ms (${pulls.length} pulls)`,
    );
  } finally {
    await server.stop();
  }
}

/** `npm run bench -- --only server-load [--quick]`: on PostgreSQL (skipped with the reason when absent), then on PGlite. */
export async function benchServerLoad(log: (line: string) => void, options: { quick: boolean }): Promise<void> {
  const rounds = options.quick ? 10 : 30;
  log(
    `server-load: ${DESKS} desks pushing and pulling at once, ${rounds} rounds each; the server in its own process; the machine (2 cores) is shared with other work and runs the desks too: loaded figures`,
  );
  const missing = await postgresMissing();
  if (missing) log(`server-load (postgres): skipped, PostgreSQL is not reachable (${missing})`);
  else await loadOnce('postgres', rounds, log);
  await loadOnce('pglite', rounds, log);
}
