import type { Identifier, Reference } from 'fhir/r4';
import { idSystem } from '../../../../../src-shared/fhir/codes';

/**
 * How exported resources point at each other: ids are our row ids (they fit FHIR's id pattern), and
 * every resource also carries its row id as an identifier, so an importer can recognise it again.
 */

/** The Organization that stands for the clinic: there is one, so it has a fixed id. */
export const CLINIC_ORGANIZATION_ID = 'clinic';

export function ref(type: string, id: string, display?: string | null): Reference {
  return display ? { reference: `${type}/${id}`, display } : { reference: `${type}/${id}` };
}

export function rowIdentifier(kind: string, id: string): Identifier {
  return { system: idSystem(kind), value: id };
}

/** An instant as FHIR wants it: UTC with a 'Z' (epoch ms have no zone to keep). */
export function instant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Only the keys whose values are present: FHIR forbids empty strings, nulls and empty arrays. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[key] = v;
  }
  return out as T;
}
