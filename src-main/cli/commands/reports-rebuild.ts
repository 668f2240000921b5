import { rebuildAggregates } from '../../core/reports/aggregates';
import { requireSettings } from '../../core/settings/repository';
import { createCore } from '../../core/app';
import { parseOptions } from '../args';
import { cliKey, databaseFile } from '../data-folder';

/**
 * `clinic reports rebuild`: recomputes the daily report aggregates from the raw rows in one transaction
 * (migration 0034). They are a local cache that reports keep in step on their own; this is for after a
 * repair by hand, or to check that a rebuild changes nothing.
 */
export async function reportsRebuildCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { data: { type: 'string', required: true }, 'key-file': { type: 'string' } });
  const core = await createCore({ file: databaseFile(options.data ?? ''), key: cliKey(options['key-file']) });
  try {
    const db = core.database.db;
    const { timeZone } = await requireSettings(db);
    const started = Date.now();
    const days = await db.transaction().execute((trx) => rebuildAggregates(trx, timeZone));
    console.log(`Report aggregates rebuilt: ${days} days (${timeZone}) in ${Date.now() - started} ms.`);
    return 0;
  } finally {
    await core.close();
  }
}
