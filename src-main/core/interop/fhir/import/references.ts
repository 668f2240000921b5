import { isObject, objects, text } from './fhir-json';
import type { FileEntry } from './read-file';

/**
 * Finds what a reference points at within the file: a `urn:uuid:` (or absolute) fullUrl, a relative
 * `Type/id` (also at the end of an absolute URL), or a conditional `Type?identifier=system|value` (what
 * a transaction Bundle uses for resources the server already has). Conditional references match by
 * identifier, also one written without a system (`identifier=value`).
 */
export class FileReferences {
  private readonly byUrl = new Map<string, FileEntry>();
  private readonly byTypeAndId = new Map<string, FileEntry>();
  private readonly byIdentifier = new Map<string, FileEntry>();

  constructor(entries: readonly FileEntry[]) {
    for (const entry of entries) {
      if (entry.fullUrl) this.byUrl.set(entry.fullUrl, entry);
      if (entry.id) this.byTypeAndId.set(`${entry.resourceType}/${entry.id}`, entry);
      for (const identifier of objects(entry.resource.identifier)) {
        const value = text(identifier.value);
        if (!value) continue;
        const system = text(identifier.system) ?? '';
        this.byIdentifier.set(`${entry.resourceType}?${system}|${value}`, entry);
        if (!this.byIdentifier.has(`${entry.resourceType}?|${value}`))
          this.byIdentifier.set(`${entry.resourceType}?|${value}`, entry);
      }
    }
  }

  /** The entry a Reference (or its `reference` string) names, when the file holds it. */
  resolve(reference: unknown): FileEntry | undefined {
    const ref = isObject(reference) ? text(reference.reference) : text(reference);
    if (!ref) return undefined;
    const exact = this.byUrl.get(ref);
    if (exact) return exact;
    const conditional = /^([A-Z][A-Za-z]+)\?(.*)$/.exec(ref);
    if (conditional) return this.resolveConditional(conditional[1] ?? '', conditional[2] ?? '');
    const relative = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
    if (relative) return this.byTypeAndId.get(`${relative[1]}/${relative[2]}`);
    return undefined;
  }

  private resolveConditional(type: string, query: string): FileEntry | undefined {
    for (const part of query.split('&')) {
      const [name, raw] = part.split('=');
      if (name !== 'identifier' || raw === undefined) continue;
      const value = decodeURIComponent(raw);
      const bar = value.indexOf('|');
      const key = bar < 0 ? `${type}?|${value}` : `${type}?${value.slice(0, bar)}|${value.slice(bar + 1)}`;
      const found = this.byIdentifier.get(key);
      if (found) return found;
    }
    return undefined;
  }
}

/** The `Type/id` a reference names, for looking up what an earlier file brought in. */
export function referenceKey(reference: unknown): string | undefined {
  const ref = isObject(reference) ? text(reference.reference) : text(reference);
  if (!ref) return undefined;
  const conditional = /^([A-Z][A-Za-z]+)\?identifier=([^&]*)$/.exec(ref);
  if (conditional) {
    const value = decodeURIComponent(conditional[2] ?? '');
    return value.includes('|') ? `${conditional[1]}|${value}` : undefined;
  }
  const relative = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(ref);
  return relative ? `${relative[1]}/${relative[2]}` : undefined;
}
