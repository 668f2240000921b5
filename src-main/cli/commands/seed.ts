import { seedPatients } from '../../core/patients/seed';
import { parseOptions, UsageError } from '../args';
import { openCore } from '../data-folder';
import { auditCli } from '../system-actor';

const MAX_PATIENTS = 1_000_000;

/** `clinic seed --data DIR --patients N [--seed S]`: made-up patients, the same ones for the same seed. */
export async function seedCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    patients: { type: 'string', required: true },
    seed: { type: 'string' },
  });
  const count = Number(options.patients);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PATIENTS) throw new UsageError(`--patients must be a whole number from 1 to ${MAX_PATIENTS}`);
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  const core = await openCore(options.data ?? '', options['key-file']);
  try {
    const started = performance.now();
    const written = seedPatients(core.database.handle, count, seed, Date.now());
    const seconds = (performance.now() - started) / 1000;
    await auditCli(core.database.db, 'patients.seed', { patients: written, seed });
    console.log(`Added ${written} made-up patients (seed ${seed}) in ${seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    await core.close();
  }
}
