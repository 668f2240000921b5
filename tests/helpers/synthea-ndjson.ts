import { writeFileSync, type PathLike } from 'node:fs';
import { join } from 'node:path';

/**
 * Synthea Bundles as a FHIR Bulk Data export writes them (issue 21): one resource per line, `urn:uuid:`
 * references rewritten to `Type/id` (what a server's export holds), each shared resource (the doctors,
 * the organisations) once. Either one file per resource type with a manifest, or one mixed stream.
 */

interface Entry {
  fullUrl?: string;
  resource: Record<string, unknown> & { resourceType: string; id?: string };
}

const URN = /"urn:uuid:([0-9a-f-]{36})"/g;

export class NdjsonWriter {
  private readonly typeOf = new Map<string, string>();
  private readonly seen = new Set<string>();

  /** The bundle's resources as NDJSON lines, shared ones left out when an earlier bundle had them. */
  linesOf(entries: readonly Entry[]): { type: string; line: string }[] {
    for (const entry of entries) if (entry.resource.id) this.typeOf.set(entry.resource.id, entry.resource.resourceType);
    const lines: { type: string; line: string }[] = [];
    for (const entry of entries) {
      const key = `${entry.resource.resourceType}/${entry.resource.id ?? ''}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const line = JSON.stringify(entry.resource).replace(URN, (whole, id: string) => {
        const type = this.typeOf.get(id);
        return type ? `"${type}/${id}"` : whole;
      });
      lines.push({ type: entry.resource.resourceType, line });
    }
    return lines;
  }
}

/** One `.ndjson` file per resource type and a manifest, as `$export` writes them. Returns the types. */
export function writeBulkExport(folder: string, bundles: readonly (readonly Entry[])[]): Map<string, number> {
  const writer = new NdjsonWriter();
  const byType = new Map<string, string[]>();
  for (const entries of bundles)
    for (const { type, line } of writer.linesOf(entries)) {
      const list = byType.get(type) ?? [];
      list.push(line);
      byType.set(type, list);
    }
  const output = [...byType.keys()].map((type) => ({ type, url: `file:///export/${type}.ndjson` }));
  for (const [type, lines] of byType) writeFileSync(join(folder, `${type}.ndjson`), `${lines.join('\n')}\n`);
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({ transactionTime: '2026-12-01T00:00:00Z', requiresAccessToken: false, output, error: [] }),
  );
  return new Map([...byType].map(([type, lines]) => [type, lines.length]));
}

/** Every bundle's resources in one stream, in the order the bundles hold them. */
export function mixedLines(bundles: readonly (readonly Entry[])[]): string[] {
  const writer = new NdjsonWriter();
  return bundles.flatMap((entries) => writer.linesOf(entries).map(({ line }) => line));
}

export function writeLines(path: PathLike, lines: readonly string[]): void {
  writeFileSync(path, `${lines.join('\n')}\n`);
}
