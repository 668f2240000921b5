import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Many Synthea patients from the few beside the project (issue 21's "10,000 Synthea patients"): each
 * clone is one of the shared bundles with every uuid rewritten (ids, fullUrls, references and the
 * Synthea identifiers that repeat them), its other identifiers numbered, and a name of its own, all
 * derived from the clone's number and the seed (and, so that no two clones are one person, a phone,
 * street number and birthday of its own), so a run is repeatable. Practitioners and organisations
 * keep their ids: the clones are patients of the same doctors, as a real export's would be.
 * Clones are packed into transaction Bundles under the import's file cap.
 */

interface Entry {
  fullUrl?: string;
  resource: Record<string, unknown> & { resourceType: string };
  request?: unknown;
}
interface Bundle {
  resourceType: 'Bundle';
  type: string;
  entry: Entry[];
}

export interface SyntheaBase {
  /** The shared patient bundles, as text. */
  texts: string[];
  /** uuids of the practitioners and organisations, which clones share. */
  shared: Set<string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function loadSynthea(folder: string): SyntheaBase {
  const names = readdirSync(folder)
    .filter((name) => /_[0-9a-f-]{36}\.json$/.test(name))
    .sort();
  const texts = names.map((name) => readFileSync(join(folder, name), 'utf8'));
  const shared = new Set<string>();
  for (const text of texts) {
    for (const entry of (JSON.parse(text) as Bundle).entry) {
      const { resourceType, id } = entry.resource;
      if ((resourceType === 'Practitioner' || resourceType === 'Organization') && typeof id === 'string')
        shared.add(id);
    }
  }
  return { texts, shared };
}

const SYLLABLES = [
  'ba',
  'ce',
  'di',
  'fo',
  'gu',
  'ha',
  'je',
  'ki',
  'lo',
  'mu',
  'na',
  'pe',
  'ri',
  'so',
  'tu',
  'va',
  'we',
  'xi',
  'yo',
  'za',
];
const GIVEN = ['Ana', 'Bruno', 'Clara', 'Diego', 'Elena', 'Farid', 'Greta', 'Hugo', 'Iris', 'Jonas', 'Kira', 'Luca'];

/** A family name no other clone has: the clone's number in base 20, one syllable a digit. */
function familyName(index: number): string {
  let n = index;
  let name = '';
  do {
    name += SYLLABLES[n % SYLLABLES.length] ?? '';
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}son`;
}

function derivedUuid(uuid: string, index: number, seed: number): string {
  const hex = createHash('sha256').update(`${seed}:${index}:${uuid}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Clone `index` (0-based) of the shared patients: its entries, the shared doctors' included. */
export function clonePatient(base: SyntheaBase, index: number, seed: number): Entry[] {
  const source = base.texts[index % base.texts.length] ?? '';
  const text = source.replace(UUID, (uuid) => (base.shared.has(uuid) ? uuid : derivedUuid(uuid, index, seed)));
  const bundle = JSON.parse(text) as Bundle;
  for (const entry of bundle.entry) {
    if (entry.resource.resourceType !== 'Patient') continue;
    const patient = entry.resource as {
      identifier?: { value?: string }[];
      name?: { family?: string; given?: string[] }[];
      telecom?: { system?: string; value?: string }[];
      address?: { line?: string[] }[];
      birthDate?: string;
    };
    for (const identifier of patient.identifier ?? []) {
      // The uuid-valued ones are rewritten above; SSN, licence and passport numbers get the clone's number.
      if (identifier.value && !UUID.test(identifier.value)) identifier.value = `${identifier.value}-${seed}-${index}`;
      UUID.lastIndex = 0;
    }
    const given = GIVEN[(index * 7 + seed) % GIVEN.length] ?? 'Ana';
    for (const name of patient.name ?? []) {
      name.family = familyName(index);
      name.given = [given];
    }
    // A person of their own, not the same one registered twice: their own phone, street number and
    // birthday (earlier, so every encounter still follows it). Otherwise the duplicate rules rightly
    // send most clones to the review.
    for (const telecom of patient.telecom ?? [])
      if (telecom.system === 'phone') telecom.value = `555-${String(1_000_000 + index).slice(-7)}`;
    for (const address of patient.address ?? [])
      address.line = (address.line ?? []).map((line) => `${index + 1} ${line}`);
    if (patient.birthDate) {
      const shifted = new Date(`${patient.birthDate}T00:00:00Z`);
      shifted.setUTCDate(shifted.getUTCDate() - ((index * 7919 + seed) % 7300));
      patient.birthDate = shifted.toISOString().slice(0, 10);
    }
  }
  return bundle.entry;
}

/**
 * Transaction Bundles of clones `from` to `to - 1`, each under `maxChars` of JSON text; a shared
 * doctor's entry appears once a file.
 */
export function* cloneFiles(
  base: SyntheaBase,
  count: number,
  seed: number,
  maxChars: number,
): Generator<{ text: string; patients: number }> {
  let entries: string[] = [];
  let seen = new Set<string>();
  let size = 0;
  let patients = 0;
  const flush = () => {
    const text = `{"resourceType":"Bundle","type":"transaction","entry":[${entries.join(',')}]}`;
    const file = { text, patients };
    entries = [];
    seen = new Set();
    size = 0;
    patients = 0;
    return file;
  };
  for (let index = 0; index < count; index += 1) {
    const parts = clonePatient(base, index, seed)
      .filter((entry) => !entry.fullUrl || !seen.has(entry.fullUrl))
      .map((entry) => ({ url: entry.fullUrl, json: JSON.stringify(entry) }));
    const adds = parts.reduce((sum, part) => sum + part.json.length + 1, 0);
    if (patients > 0 && size + adds + 100 > maxChars) {
      yield flush();
      // The shared doctors again, in the next file.
      const again = clonePatient(base, index, seed).map((entry) => ({
        url: entry.fullUrl,
        json: JSON.stringify(entry),
      }));
      parts.splice(0, parts.length, ...again);
    }
    for (const part of parts) {
      if (part.url) seen.add(part.url);
      entries.push(part.json);
      size += part.json.length + 1;
    }
    patients += 1;
  }
  if (patients > 0) yield flush();
}
