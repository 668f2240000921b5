import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  CSV_DATE_FORMATS,
  CSV_ENCODINGS,
  type CsvDateFormat,
  type CsvEncoding,
  type CsvMapping,
  type CsvTarget,
} from '../../../../src-shared/interop/csv-import';
import type { ReadDb } from '../../db/handles';
import type { Database } from '../../db/schema';

/** `csv_import_mappings` (migration 0033): the mapping last used per source and target. */

export interface SavedMapping {
  mapping: CsvMapping;
  dateFormat: CsvDateFormat;
  encoding: CsvEncoding;
}

/** Derived from (source, target), folded, so two desks saving a mapping for one source make one row. */
function mappingId(sourceName: string, target: CsvTarget): string {
  const hex = createHash('sha256').update(`csv-mapping|${target}|${sourceName.toLocaleLowerCase()}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function findMapping(
  db: ReadDb,
  sourceName: string,
  target: CsvTarget,
): Promise<SavedMapping | undefined> {
  const row = await db
    .selectFrom('csv_import_mappings')
    .select(['mapping', 'date_format', 'encoding'])
    .where('id', '=', mappingId(sourceName, target))
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed: unknown = JSON.parse(row.mapping);
  const mapping: CsvMapping = {};
  if (parsed && typeof parsed === 'object')
    for (const [header, field] of Object.entries(parsed)) if (typeof field === 'string') mapping[header] = field;
  const dateFormat = CSV_DATE_FORMATS.find((format) => format === row.date_format) ?? 'YYYY-MM-DD';
  const encoding = CSV_ENCODINGS.find((name) => name === row.encoding) ?? 'utf-8';
  return { mapping, dateFormat, encoding };
}

export async function saveMapping(
  db: Kysely<Database>,
  sourceName: string,
  target: CsvTarget,
  saved: SavedMapping,
  now: number,
): Promise<void> {
  const mapping = JSON.stringify(saved.mapping);
  await db
    .insertInto('csv_import_mappings')
    .values({
      id: mappingId(sourceName, target),
      source_name: sourceName,
      target,
      mapping,
      date_format: saved.dateFormat,
      encoding: saved.encoding,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ mapping, date_format: saved.dateFormat, encoding: saved.encoding, updated_at: now }),
    )
    .execute();
}
