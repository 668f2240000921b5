import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/app';
import { MAX_FHIR_FILE_CHARS, type FhirImportReport } from '../../src-shared/interop/fhir-import';
import { sharedDataHere, SHARED_DATA } from '../helpers/shared-data';
import { BENCH_CLIENT, BENCH_KEY, BENCH_USER } from './dataset';
import { cloneFiles, loadSynthea } from './synthea-clone';

/**
 * Moving in at scale (issue 21: "a file of 10,000 Synthea patients imports in minutes, not hours"):
 * clones of the shared Synthea patients (synthea-clone.ts) imported through the real FHIR import
 * (interop.importFhir, as the screen and the CLI call it) into a new encrypted desk, in transaction
 * Bundles under the 7 MiB file cap. Prints patients a second, the total in minutes and what became of
 * each resource type. `--quick` imports 1,000; the full run 10,000. No seeded clinic is needed.
 */

export const SYNTHEA_PATIENTS = { quick: 1_000, full: 10_000 };
/** The issue's "minutes, not hours", made a number: 10,000 patients within 10 minutes. */
const GOAL_MINUTES_FOR_10K = 10;

async function must<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.invoke(BENCH_CLIENT, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export async function benchSynthea(log: (line: string) => void, options: { quick: boolean; seed: number }) {
  const folder = join(SHARED_DATA, 'fhir', 'synthea');
  if (!sharedDataHere(join('fhir', 'synthea'), 'synthea bench')) {
    log(`synthea: skipped, the shared Synthea patients are not at ${folder}`);
    return;
  }
  const count = options.quick ? SYNTHEA_PATIENTS.quick : SYNTHEA_PATIENTS.full;
  const base = loadSynthea(folder);
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-synthea-'));
  const core = await createCore({ file: join(dir, 'clinic.db'), key: BENCH_KEY, create: true });
  try {
    await must(core, 'system.setup', {
      clinicName: 'Synthea Clinic',
      timeZone: 'America/New_York',
      currency: 'USD',
      admin: BENCH_USER,
    });
    await must(core, 'auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    log(
      `synthea: ${count} patients cloned from the ${base.texts.length} shared Synthea bundles (seed ${options.seed}), imported into a new encrypted desk (the machine is shared with other work: figures are loaded ones)`,
    );
    const perType = new Map<string, { created: number; updated: number; skipped: number }>();
    const notImported = new Map<string, number>();
    let patients = 0;
    let files = 0;
    let chars = 0;
    let review = 0;
    let importMs = 0;
    let slowest = 0;
    let peakRss = process.memoryUsage.rss();
    const started = performance.now();
    for (const file of cloneFiles(base, count, options.seed, MAX_FHIR_FILE_CHARS - 1024)) {
      const t0 = performance.now();
      const report = await must<FhirImportReport>(core, 'interop.importFhir', {
        fileName: `synthea-${files + 1}.json`,
        text: file.text,
      });
      const ms = performance.now() - t0;
      importMs += ms;
      slowest = Math.max(slowest, ms);
      files += 1;
      chars += file.text.length;
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      patients += file.patients;
      review += report.sentToDuplicateReview;
      for (const [type, c] of Object.entries(report.counts)) {
        const sum = perType.get(type) ?? { created: 0, updated: 0, skipped: 0 };
        perType.set(type, {
          created: sum.created + c.created,
          updated: sum.updated + c.updated,
          skipped: sum.skipped + c.skipped,
        });
      }
      for (const n of report.notImported)
        notImported.set(n.resourceType, (notImported.get(n.resourceType) ?? 0) + n.count);
      if (files % 20 === 0)
        log(
          `  ${patients} of ${count} patients (${files} files), ${Math.round(patients / (importMs / 1000))} patients/s in the import`,
        );
    }
    const wall = (performance.now() - started) / 1000;
    const seconds = importMs / 1000;
    const stored = core.database.handle.prepare('SELECT count(*) AS n FROM patients').get() as { n: number };
    log(
      `synthea: ${patients} patients in ${files} files (${(chars / 2 ** 20).toFixed(0)} MiB of JSON) imported in ${(seconds / 60).toFixed(2)} min` +
        ` (${(patients / seconds).toFixed(1)} patients/s; slowest file ${(slowest / 1000).toFixed(1)} s; ${(wall / 60).toFixed(2)} min with the cloning)`,
    );
    const projected = SYNTHEA_PATIENTS.full / (patients / seconds) / 60;
    log(
      `synthea: 10,000 patients ${count === SYNTHEA_PATIENTS.full ? 'took' : 'would take (extrapolated linearly)'} ${projected.toFixed(1)} min; goal ≤ ${GOAL_MINUTES_FOR_10K} min (ratio ${(projected / GOAL_MINUTES_FOR_10K).toFixed(2)})`,
    );
    log(
      `synthea: ${stored.n} patients on the desk; ${review} sent to the duplicate review; peak RSS during the import ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );
    for (const [type, c] of [...perType].sort())
      log(`  ${type.padEnd(20)} created ${c.created}, updated ${c.updated}, skipped ${c.skipped}`);
    log(
      `  not kept: ${[...notImported]
        .sort()
        .map(([type, n]) => `${type} ${n}`)
        .join(', ')}`,
    );
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
