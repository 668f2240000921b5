import { patientCreateInput, type PatientCreateInput } from '../../../../../src-shared/api/areas/patients';
import {
  FHIR_EXTENSIONS,
  FHIR_SYSTEMS,
  phoneKindFromFhirUse,
  sexFromFhirGender,
} from '../../../../../src-shared/fhir/codes';
import { isPlausiblePhone } from '../../../../../src-shared/patients/phones';
import { localDateOf } from '../../../../../src-shared/scheduling/time';
import { child, codes, conceptText, num, objects, text, texts, type Json } from './fhir-json';

/** A FHIR Patient as the registration form's fields, or why it cannot be one. */
export type MappedPatient =
  { ok: true; input: PatientCreateInput; label: string } | { ok: false; reason: string; label: string };

/** Identifier types that are a national number (v2-0203): social security, national identity. */
const NATIONAL_ID_TYPES = new Set(['SS', 'NI', 'NNxxx', 'SB']);

function officialName(resource: Json): Json | undefined {
  const names = objects(resource.name).filter((name) => name.use !== 'old' && name.use !== 'maiden');
  return names.find((name) => name.use === 'official') ?? names.find((name) => text(name.family)) ?? names[0];
}

/** YYYY-MM-DD only: a year or a month alone is not a date of birth the desk can hold. */
function fullDate(value: unknown): string | undefined {
  const date = text(value);
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

function nationalIdOf(resource: Json): string | undefined {
  for (const identifier of objects(resource.identifier)) {
    const type = codes(identifier.type).map((coding) => coding.code);
    const system = text(identifier.system);
    const isNational =
      type.some((code) => NATIONAL_ID_TYPES.has(code)) ||
      system === FHIR_SYSTEMS.nationalId ||
      system?.endsWith('/us-ssn');
    const value = text(identifier.value);
    if (isNational && value && /^[\p{L}\p{N}\s./-]{1,40}$/u.test(value)) return value;
  }
  return undefined;
}

function phonesOf(resource: Json): PatientCreateInput['phones'] {
  const phones = objects(resource.telecom)
    .filter((point) => point.system === 'phone' && point.use !== 'old' && !child(point, 'period')?.end)
    // The lowest rank is the preferred number (our export ranks the primary phone 1); unranked keep their order.
    .map((point, index) => ({ point, order: num(point.rank) ?? Number.MAX_SAFE_INTEGER, index }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ point }) => point)
    .flatMap((point) => {
      const number = text(point.value);
      return number && isPlausiblePhone(number) ? [{ number, kind: phoneKindFromFhirUse(text(point.use)) }] : [];
    })
    .slice(0, 6);
  return phones.map((phone, index) => ({ ...phone, isPrimary: index === 0 }));
}

function addressOf(resource: Json): PatientCreateInput['address'] {
  const addresses = objects(resource.address).filter((address) => address.use !== 'old');
  const address = addresses.find((item) => item.use === 'home') ?? addresses[0];
  const lines = texts(address?.line);
  return {
    line1: lines[0] ?? null,
    line2: lines.slice(1).join(', ') || null,
    city: text(address?.city) ?? null,
    region: text(address?.state) ?? null,
    postalCode: text(address?.postalCode) ?? null,
    country: text(address?.country) ?? null,
  };
}

function languageOf(resource: Json): string | null {
  const communications = objects(resource.communication);
  const preferred = communications.find((item) => item.preferred === true) ?? communications[0];
  return conceptText(preferred?.language)?.slice(0, 40) ?? null;
}

/** Our own export's exact sex (intersex has no FHIR gender) wins over the coarser gender. */
function sexOf(resource: Json): PatientCreateInput['sex'] {
  const own = objects(resource.extension).find((item) => item.url === FHIR_EXTENSIONS.patientSex);
  const exact = text(own?.valueCode);
  if (exact === 'female' || exact === 'male' || exact === 'intersex' || exact === 'unknown') return exact;
  return sexFromFhirGender(text(resource.gender));
}

export function patientLabel(resource: Json): string {
  const name = officialName(resource);
  const words = [...texts(name?.given), text(name?.family)].filter(Boolean).join(' ');
  return words || text(name?.text) || 'Patient without a name';
}

/** Deceased: a date in the clinic's zone (an instant with an offset is converted), or nothing. */
function deceasedDateOf(resource: Json, timeZone: string): string | null {
  const value = text(resource.deceasedDateTime);
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : localDateOf(timeZone, instant);
}

export function mapPatient(resource: Json, timeZone: string): MappedPatient {
  const label = patientLabel(resource);
  const name = officialName(resource);
  const given = texts(name?.given);
  const family = text(name?.family);
  if (!family || given.length === 0)
    return { ok: false, label, reason: 'it has no given and family name; the desk needs both' };
  const dob = fullDate(resource.birthDate);
  if (!dob) return { ok: false, label, reason: 'it has no full date of birth (YYYY-MM-DD); the desk needs one' };
  const usual = objects(resource.name).find((item) => item.use === 'usual' || item.use === 'nickname');
  const telecom = objects(resource.telecom);
  const email = telecom.find((point) => point.system === 'email' && point.use !== 'old');
  const draft = {
    firstName: given[0],
    middleName: given.slice(1).join(' ') || null,
    lastName: family,
    preferredName: usual && usual !== name ? (texts(usual.given)[0] ?? null) : null,
    dob,
    sex: sexOf(resource),
    email: text(email?.value) ?? null,
    address: addressOf(resource),
    preferredLanguage: languageOf(resource),
    notes: null,
    deceasedDate: deceasedDateOf(resource, timeZone),
    phones: phonesOf(resource),
    contacts: [],
    nationalId: nationalIdOf(resource),
    notDuplicateOf: [],
  };
  const parsed = patientCreateInput.safeParse(draft);
  if (parsed.success) return { ok: true, input: parsed.data, label };
  const issue = parsed.error.issues[0];
  // An email the desk would refuse is left out rather than losing the whole patient.
  if (issue?.path[0] === 'email') return mapPatientWithout(draft, 'email', label);
  return { ok: false, label, reason: `${issue?.path.join('.') || 'patient'} ${issue?.message ?? 'is not accepted'}` };
}

function mapPatientWithout(draft: Record<string, unknown>, field: string, label: string): MappedPatient {
  const parsed = patientCreateInput.safeParse({ ...draft, [field]: null });
  if (parsed.success) return { ok: true, input: parsed.data, label };
  const issue = parsed.error.issues[0];
  return { ok: false, label, reason: `${issue?.path.join('.') || 'patient'} ${issue?.message ?? 'is not accepted'}` };
}
