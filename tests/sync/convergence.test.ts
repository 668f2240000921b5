import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runScenario, scenarioArb, type Templates } from './convergence-run';
import { makeTemplates } from './convergence-templates';
import { freshDatabase, pgSkipReason, type Backend } from './server-helpers';

/**
 * Issue 17's convergence suite: seeded runs of the server and 2–4 desks over a faulty network (see
 * convergence-run.ts). `SYNC_RUNS` runs (40 by default, on PGlite, within `npm test`); `npm run
 * test:sync` runs 1000 on PostgreSQL. Every run's seed is printed; `SYNC_SEED=<seed>` replays a run
 * (with `SYNC_PATH=<path>` from fast-check's report, that one run alone).
 */
const backend: Backend = process.env.SYNC_BACKEND === 'postgres' ? 'postgres' : 'pglite';
const runs = Number(process.env.SYNC_RUNS ?? 40);
const seed = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : Math.floor(Math.random() * 2 ** 31);
const path = process.env.SYNC_PATH;
const skip = backend === 'postgres' && pgSkipReason !== null;
if (skip) console.warn(`sync convergence on PostgreSQL skipped: not reachable (${pgSkipReason ?? ''})`);

describe.skipIf(skip)(`sync convergence (${backend})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let templates: Templates;
  let folder: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    folder = mkdtempSync(join(tmpdir(), 'front-desk-fuzz-templates-'));
    templates = await makeTemplates(folder);
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it(`${runs} seeded runs end with every desk, the server and every acknowledged write agreeing`, async () => {
    console.log(`sync convergence: seed ${seed}, ${runs} runs on ${backend} (replay: SYNC_SEED=${seed})`);
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(scenarioArb, (scenario) => runScenario(database.opened, templates, scenario)),
      { seed, numRuns: runs, endOnFailure: true, ...(path ? { path } : {}) },
    );
    console.log(`sync convergence: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 3_600_000);
});
