import { copyFileSync } from 'node:fs';
import { sql } from 'kysely';
import { createCore } from '../../src-main/core/app';
import { BENCH_KEY } from './dataset';
const dir = '/work/main/.bench-cache/10000p-100000a-1';
const enc = '/tmp/prof/s.db';
copyFileSync(`${dir}/clinic.db`, enc);
const times: number[][] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  const core = await createCore({ file: enc, key: BENCH_KEY });
  const t1 = performance.now();
  await sql`SELECT count(*) AS n FROM appointments WHERE start_at > 0`.execute(core.database.db);
  const t2 = performance.now();
  await core.close();
  const t3 = performance.now();
  times.push([t1 - t0, t2 - t1, t3 - t2]);
}
for (const t of times.slice(3)) console.log(t.map((x) => x.toFixed(1)).join('  '));
