import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ReadDb } from '../../../db/handles';
import type { Database } from '../../../db/schema';

/** `fhir_import_links` (migration 0031): what each imported resource became, and the dry run's savepoint. */

export interface ImportLink {
  local_table: string;
  local_id: string;
  content_hash: string;
}

/** Derived from the key, so two desks importing the same file make the same row (see the migration). */
function linkId(sourceKey: string): string {
  const hex = createHash('sha256').update(`fhir-import|${sourceKey}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function findLink(db: ReadDb, sourceKey: string): Promise<ImportLink | undefined> {
  return db
    .selectFrom('fhir_import_links')
    .select(['local_table', 'local_id', 'content_hash'])
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
}

export async function saveLink(
  db: Kysely<Database>,
  link: { sourceKey: string; resourceType: string; localTable: string; localId: string; contentHash: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('fhir_import_links')
    .values({
      id: linkId(link.sourceKey),
      source_key: link.sourceKey,
      resource_type: link.resourceType,
      local_table: link.localTable,
      local_id: link.localId,
      content_hash: link.contentHash,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('source_key').doUpdateSet({
        local_table: link.localTable,
        local_id: link.localId,
        content_hash: link.contentHash,
        updated_at: now,
      }),
    )
    .execute();
}

/**
 * The dry run runs the import for real inside the router's transaction and then undoes it back to this
 * savepoint, so its report is exactly what the import would do (duplicates, booking refusals and all).
 */
export async function beginDryRun(db: Kysely<Database>): Promise<void> {
  await sql`SAVEPOINT fhir_dry_run`.execute(db);
}

export async function undoDryRun(db: Kysely<Database>): Promise<void> {
  await sql`ROLLBACK TO fhir_dry_run`.execute(db);
  await sql`RELEASE fhir_dry_run`.execute(db);
}
