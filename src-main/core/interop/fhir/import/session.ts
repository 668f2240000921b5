import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../actor';
import type { Database } from '../../../db/schema';
import { firstIdentifier, type Json } from './fhir-json';
import { findLink } from './link-repository';
import { referenceKey, type FileReferences } from './references';
import type { FileEntry } from './read-file';

/** What one resource's step decided. */
export type StepResult =
  | { outcome: 'created' | 'updated'; localTable: string; localId: string; label: string; reason?: string }
  | { outcome: 'skipped'; label: string; reason: string; localTable?: string; localId?: string };

/** What the steps share while one file is imported: the database, who acts, and what became of what. */
export class ImportSession {
  /** What each entry of this file became, so later entries can point at it. */
  private readonly localIds = new Map<FileEntry, { table: string; id: string }>();

  constructor(
    readonly db: Kysely<Database>,
    readonly references: FileReferences,
    readonly actor: Actor,
    readonly now: number,
    readonly timeZone: string,
  ) {}

  remember(entry: FileEntry, table: string, id: string): void {
    this.localIds.set(entry, { table, id });
  }

  /**
   * The desk row a reference points at: an entry of this file already brought in, or a resource an
   * earlier file brought in (found by its `Type/id` or `Type|system|value` in fhir_import_links).
   */
  async localIdOf(reference: unknown, type: string, table: string): Promise<string | undefined> {
    const entry = this.references.resolve(reference);
    if (entry) {
      const local = this.localIds.get(entry);
      return entry.resourceType === type && local?.table === table ? local.id : undefined;
    }
    const key = referenceKey(reference);
    if (!key?.startsWith(`${type}/`) && !key?.startsWith(`${type}|`)) return undefined;
    const link = await findLink(this.db, key);
    return link?.local_table === table ? link.local_id : undefined;
  }

  /** The entry a reference names in this file (an Organization's name for a payer, say). */
  entryOf(reference: unknown): FileEntry | undefined {
    return this.references.resolve(reference);
  }
}

/**
 * How the file names a resource, kept in fhir_import_links: the type with its first identifier when it
 * has one (stable across exports of the same system), else its id, else its fullUrl, else its content.
 */
export function sourceKeyOf(entry: FileEntry): string {
  const identifier = firstIdentifier(entry.resource);
  if (identifier) return `${entry.resourceType}|${identifier.system}|${identifier.value}`.slice(0, 600);
  if (entry.id) return `${entry.resourceType}/${entry.id}`;
  if (entry.fullUrl) return `${entry.resourceType}@${entry.fullUrl}`.slice(0, 600);
  return `${entry.resourceType}#${contentHash(entry.resource)}`;
}

/** The resource as read, without `meta` (a server stamps a new lastUpdated on every export). */
export function contentHash(resource: Json): string {
  const rest = { ...resource };
  delete rest.meta;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
