import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneFiles, loadSynthea } from '../bench/synthea-clone';
import { SHARED_DATA, sharedDataHere } from '../helpers/shared-data';

// The Synthea bench's clones (tests/bench/synthea.ts): what the import would be handed must be files it
// accepts, each patient someone new, and every reference answered inside its own file.
const HERE = sharedDataHere(join('fhir', 'synthea'), 'bench-synthea');

type Entry = { fullUrl?: string; resource: Record<string, unknown> & { resourceType: string; id?: string } };

describe.skipIf(!HERE)('the Synthea bench clones', () => {
  const base = HERE ? loadSynthea(join(SHARED_DATA, 'fhir', 'synthea')) : { texts: [], shared: new Set<string>() };
  const cap = 1_500_000;
  const files = HERE ? [...cloneFiles(base, 24, 7, cap)] : [];

  it('packs every clone into files under the cap, all patients distinct in id, MRN, name and phone', () => {
    expect(files.length).toBeGreaterThan(1);
    expect(files.reduce((sum, file) => sum + file.patients, 0)).toBe(24);
    const patients = files.flatMap((file) => {
      expect(file.text.length).toBeLessThanOrEqual(cap);
      const bundle = JSON.parse(file.text) as { entry: Entry[] };
      return bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource);
    });
    expect(patients).toHaveLength(24);
    const distinct = (pick: (p: Record<string, unknown>) => unknown) =>
      new Set(patients.map((p) => JSON.stringify(pick(p)))).size;
    expect(distinct((p) => p.id)).toBe(24);
    expect(distinct((p) => p.identifier)).toBe(24);
    expect(distinct((p) => p.name)).toBe(24);
    expect(distinct((p) => p.telecom)).toBe(24);
  });

  it('answers every urn:uuid reference inside the same file, and is the same for the same seed', () => {
    for (const file of files) {
      const urls = new Set((JSON.parse(file.text) as { entry: Entry[] }).entry.map((e) => e.fullUrl));
      const references = [...file.text.matchAll(/"reference":"(urn:uuid:[0-9a-f-]{36})"/g)].map((m) => m[1]);
      expect(references.length).toBeGreaterThan(0);
      expect(references.filter((ref) => !urls.has(ref))).toEqual([]);
    }
    const again = [...cloneFiles(base, 24, 7, cap)].map((file) => file.text);
    expect(again).toEqual(files.map((file) => file.text));
  });
});
