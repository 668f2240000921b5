import { ApiError } from '../../../../../src-shared/api/errors';
import { isObject, text, type Json } from './fhir-json';

/** One resource as the file holds it. */
export interface FileEntry {
  /** 1-based: the Bundle entry, or the NDJSON line. */
  position: number;
  resourceType: string;
  id: string | undefined;
  /** The entry's fullUrl (`urn:uuid:…` or an absolute URL), when a Bundle gave one. */
  fullUrl: string | undefined;
  resource: Json;
}

export interface ReadFile {
  /** How positions are counted, for messages: "entry" in a Bundle, "line" in NDJSON. */
  unit: 'entry' | 'line';
  entries: FileEntry[];
}

function refuse(where: string, problem: string): never {
  // Named on the `text` field: the screen shows it beside the chosen file.
  throw new ApiError('VALIDATION', `The file was not imported: ${where} ${problem}. Nothing was changed.`, {
    fields: { text: `${where} ${problem}` },
  });
}

function entryOf(position: number, unit: ReadFile['unit'], value: unknown, fullUrl: unknown): FileEntry {
  const where = `${unit} ${position}`;
  if (!isObject(value)) refuse(where, 'is not a FHIR resource (not a JSON object)');
  const resourceType = text(value.resourceType);
  if (!resourceType || !/^[A-Z][A-Za-z]{1,63}$/.test(resourceType)) refuse(where, 'has no resourceType');
  if (value.id !== undefined && typeof value.id !== 'string') refuse(where, 'has an id that is not a string');
  return { position, resourceType, id: text(value.id), fullUrl: text(fullUrl), resource: value };
}

function readBundle(bundle: Json): ReadFile {
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    refuse('the Bundle', 'has an entry that is not a list');
  const entries: FileEntry[] = [];
  const list: unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  list.forEach((entry, index) => {
    const position = index + 1;
    if (!isObject(entry)) refuse(`entry ${position}`, 'is not an object');
    // A transaction's DELETE has no resource; there is nothing to bring in from it.
    if (entry.resource === undefined && isObject(entry.request) && entry.request.method === 'DELETE') return;
    if (entry.resource === undefined) refuse(`entry ${position}`, 'has no resource');
    const read = entryOf(position, 'entry', entry.resource, entry.fullUrl);
    // Nested Bundles (a searchset of Bundles) are read as their entries.
    if (read.resourceType === 'Bundle') entries.push(...readBundle(read.resource).entries);
    else entries.push(read);
  });
  return { unit: 'entry', entries };
}

function readNdjson(textContent: string): ReadFile {
  const entries: FileEntry[] = [];
  textContent.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      refuse(`line ${index + 1}`, 'is not valid JSON');
    }
    entries.push(entryOf(index + 1, 'line', value, undefined));
  });
  return { unit: 'line', entries };
}

/**
 * A Bundle (transaction, batch, collection, searchset …), a single resource, or NDJSON (a resource per
 * line, as FHIR Bulk Data exports). Anything it cannot read is refused naming the entry or line,
 * before anything is written.
 */
export function readFhirFile(content: string): ReadFile {
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    // Not one JSON document: NDJSON if it has several lines, else a broken file.
    if (trimmed.includes('\n')) return readNdjson(trimmed);
    refuse('the file', 'is not valid JSON');
  }
  if (!isObject(whole)) refuse('the file', 'is not a FHIR resource or Bundle');
  if (whole.resourceType === 'Bundle') return readBundle(whole);
  return { unit: 'entry', entries: [entryOf(1, 'entry', whole, undefined)] };
}
