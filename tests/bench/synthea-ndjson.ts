import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/app';
import { importNdjsonStream } from '../../src-main/core/interop/fhir/import/ndjson-import';
import type { FhirImportReport } from '../../src-shared/interop/fhir-import';
import { NdjsonWriter } from '../helpers/synthea-ndjson';
import { SHARED_DATA, sharedDataHere } from '../helpers/shared-data';
import { BENCH_CLIENT, BENCH_KEY, BENCH_USER } from './dataset';
import { clonePatient, loadSynthea } from './synthea-clone';
import { SYNTHEA_PATIENTS } from './synthea';

/**
 * The same Synthea clones as the Bundle figure (synthea.ts), as ONE bulk NDJSON stream (issue 21: "a
 * single large file"): written to a temp folder a line per resource, then imported through the streamed
 * path the CLI uses (ndjson-import.ts: readline, batches, each through interop.importFhir). Prints
 * patients a second and the peak RSS sampled during the import (the process's own peak, which the
 * writing and an earlier figure may have set, is printed beside it).
 */

export async function benchSyntheaNdjson(log: (line: string) => void, options: { quick: boolean; seed: number }) {
  const folder = join(SHARED_DATA, 'fhir', 'synthea');
  if (!sharedDataHere(join('fhir', 'synthea'), 'synthea-ndjson bench')) {
    log(`synthea-ndjson: skipped, the shared Synthea patients are not at ${folder}`);
    return;
  }
  const count = options.quick ? SYNTHEA_PATIENTS.quick : SYNTHEA_PATIENTS.full;
  const base = loadSynthea(folder);
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-synthea-ndjson-'));
  const file = join(dir, 'synthea.ndjson');
  try {
    // The export, written as a server's $export would stream it: the clones one after another.
    const out = createWriteStream(file);
    const writer = new NdjsonWriter();
    for (let index = 0; index < count; index += 1)
      for (const { line } of writer.linesOf(clonePatient(base, index, options.seed)))
        if (!out.write(`${line}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const bytes = statSync(file).size;
    log(
      `synthea-ndjson: ${count} patients as one NDJSON file of ${(bytes / 2 ** 20).toFixed(0)} MiB (seed ${options.seed})`,
    );

    const core = await createCore({ file: join(dir, 'clinic.db'), key: BENCH_KEY, create: true });
    try {
      const must = async <T>(name: string, input: unknown): Promise<T> => {
        const result = await core.invoke(BENCH_CLIENT, name, input);
        if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
        return result.value as T;
      };
      await must('system.setup', {
        clinicName: 'Synthea Clinic',
        timeZone: 'America/New_York',
        currency: 'USD',
        admin: BENCH_USER,
      });
      await must('auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
      let peakRss = process.memoryUsage.rss();
      let printedAt = 0;
      const report = await importNdjsonStream([file], {
        dryRun: false,
        runBatch: (batch) =>
          must<FhirImportReport>('interop.importFhir', { fileName: 'synthea.ndjson', text: batch.text }),
        onProgress: (tick) => {
          peakRss = Math.max(peakRss, process.memoryUsage.rss());
          if (tick.seconds - printedAt < 30) return;
          printedAt = tick.seconds;
          const left = (tick.seconds * (tick.bytesTotal - tick.bytesDone)) / Math.max(1, tick.bytesDone);
          log(
            `  ${tick.linesRead} lines read, ${tick.resources} resources, ${Math.round(tick.resources / tick.seconds)}/s, ` +
              `${Math.floor((100 * tick.bytesDone) / tick.bytesTotal)}%, ~${(left / 60).toFixed(1)} min left, RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
          );
        },
      });
      const patients = report.counts.Patient?.created ?? 0;
      const stored = core.database.handle.prepare('SELECT count(*) AS n FROM patients').get() as { n: number };
      log(
        `synthea-ndjson: ${patients} patients (${report.resources} resources) streamed in ${(report.seconds / 60).toFixed(2)} min ` +
          `(${(patients / report.seconds).toFixed(1)} patients/s, ${Math.round(report.resources / report.seconds)} resources/s); ` +
          `peak RSS during the import ${(peakRss / 2 ** 20).toFixed(0)} MiB (process peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB); ${stored.n} patients on the desk`,
      );
      for (const [type, c] of Object.entries(report.counts).sort())
        log(`  ${type.padEnd(20)} created ${c.created}, updated ${c.updated}, skipped ${c.skipped}`);
      if (report.badLineCount > 0) log(`  ${report.badLineCount} bad lines`);
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
