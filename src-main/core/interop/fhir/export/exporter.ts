import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4';
import { addDays, localDateOf, localDayBounds } from '../../../../../src-shared/scheduling/time';
import type { ReadDb } from '../../../db/handles';
import { billingBatch, type BillingBatch } from './billing-export-repository';
import { billingResources } from './billing-resources';
import { appointmentResource, encounterResource, observationResources } from './care-resources';
import {
  healthcareServices,
  locations,
  organization,
  practitionerRoles,
  practitioners,
  schedules,
  slots,
  type ClinicResource,
} from './clinic-resources';
import { clinicRows, patientBatch, patientIdsInScope, type ExportScope, type PatientBatch } from './export-repository';
import {
  allergyResource,
  consentResource,
  coverageResource,
  documentResource,
  patientResource,
} from './patient-resources';
import { instant } from './references';

/**
 * Writes a FHIR R4 export into a folder, the way FHIR Bulk Data's `$export` lays one out: one NDJSON
 * file per resource type and a manifest.json naming them with their counts; and, beside them, one
 * Bundle (type collection) per patient under bundles/, complete with the clinic resources it
 * refers to, so a single patient's file stands alone.
 */

export interface FhirExportRequest {
  /** 'clinic' (everyone), 'patient' (one, with the records merged into them) or 'range' (clinic-local dates). */
  scope: { kind: 'clinic' } | { kind: 'patient'; patientId: string } | { kind: 'range'; from: string; to: string };
  inlineDocuments: boolean;
  outDir: string;
  now: number;
  onProgress?: (progress: FhirExportProgress) => void;
}

export interface FhirExportProgress {
  done: number;
  total: number;
}

export interface FhirExportResult {
  outDir: string;
  manifestFile: string;
  patients: number;
  /** Resources per type in the NDJSON files (each resource once). */
  counts: Record<string, number>;
  /** Paths of the bundles, relative to outDir. */
  bundles: string[];
}

export const MANIFEST_FILE = 'manifest.json';
export const BUNDLES_FOLDER = 'bundles';
const BATCH = 200;
/** Without a date range, the weekly hours are written as slots for the four weeks from today. */
const SLOT_DAYS = 28;

export class ExportFolderError extends Error {}

export async function exportFhir(db: ReadDb, request: FhirExportRequest): Promise<FhirExportResult> {
  await prepareFolder(request.outDir);
  const clinic = await clinicRows(db);
  const zone = clinic.settings.time_zone;
  const { scope } = request;
  const dbScope: ExportScope =
    scope.kind === 'patient'
      ? { patientId: scope.patientId }
      : scope.kind === 'range'
        ? { range: { from: localDayBounds(zone, scope.from).start, to: localDayBounds(zone, scope.to).end } }
        : {};
  const clinicResources: ClinicResource[] = [
    organization(clinic),
    ...locations(clinic),
    ...practitioners(clinic),
    ...practitionerRoles(clinic),
    ...healthcareServices(clinic),
  ];
  const byKey = new Map(clinicResources.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));
  const counts: Record<string, number> = {};
  const write = async (resources: readonly FhirResource[]) => {
    const lines = new Map<string, string[]>();
    for (const resource of resources) {
      const list = lines.get(resource.resourceType) ?? [];
      list.push(JSON.stringify(resource));
      lines.set(resource.resourceType, list);
    }
    for (const [type, list] of lines) {
      await appendFile(join(request.outDir, `${type}.ndjson`), `${list.join('\n')}\n`);
      counts[type] = (counts[type] ?? 0) + list.length;
    }
  };

  const ids = await patientIdsInScope(db, dbScope);
  if (scope.kind === 'patient' && !ids.includes(scope.patientId)) {
    throw new ExportFolderError(`patient ${scope.patientId} does not exist`);
  }
  const referenced = new Set<string>();
  const bundles: string[] = [];
  request.onProgress?.({ done: 0, total: ids.length });
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = await patientBatch(db, ids.slice(start, start + BATCH), dbScope, request.inlineDocuments);
    if (!batch) break;
    const billing = await billingBatch(db, ids.slice(start, start + BATCH), dbScope);
    for (const patient of batch.patients) {
      const own = patientResources(clinic, batch, billing, patient.id);
      await write(own);
      const withClinic = [...own, ...clinicClosure(own, byKey)];
      for (const resource of withClinic) referenced.add(`${resource.resourceType}/${resource.id ?? ''}`);
      const file = join(BUNDLES_FOLDER, `Patient-${patient.id}.json`);
      await writeFile(
        join(request.outDir, file),
        JSON.stringify(collection(patient.id, withClinic, request.now), null, 1),
      );
      bundles.push(file);
    }
    request.onProgress?.({ done: Math.min(start + BATCH, ids.length), total: ids.length });
  }

  if (scope.kind === 'patient') {
    // One patient: only the clinic resources their records point at.
    await write(clinicResources.filter((r) => referenced.has(`${r.resourceType}/${r.id ?? ''}`)));
  } else {
    const today = localDateOf(zone, request.now);
    const [fromDate, toDate] = scope.kind === 'range' ? [scope.from, scope.to] : [today, addDays(today, SLOT_DAYS - 1)];
    await write([...clinicResources, ...schedules(clinic), ...slots(clinic, fromDate, toDate)]);
  }
  const manifestFile = join(request.outDir, MANIFEST_FILE);
  await writeFile(manifestFile, JSON.stringify(manifest(request, counts, bundles.length), null, 2));
  return { outDir: request.outDir, manifestFile, patients: ids.length, counts, bundles };
}

/** The patient's own resources, in the order a reader meets them. */
function patientResources(
  clinic: Awaited<ReturnType<typeof clinicRows>>,
  batch: PatientBatch,
  billing: BillingBatch,
  patientId: string,
): FhirResource[] {
  const patient = batch.patients.find((p) => p.id === patientId);
  if (!patient) return [];
  const mine = <T extends { patient_id: string }>(rows: readonly T[]) => rows.filter((r) => r.patient_id === patientId);
  return [
    patientResource(batch, patient),
    ...mine(batch.allergies).map(allergyResource),
    ...mine(batch.insurance).map(coverageResource),
    ...mine(batch.documents).map(documentResource),
    ...mine(batch.consents).map(consentResource),
    ...mine(batch.appointments).map((a) => appointmentResource(clinic, a)),
    ...mine(batch.visits).map((v) => encounterResource(batch, v)),
    ...mine(batch.vitals).flatMap(observationResources),
    ...billingResources(clinic.settings.time_zone, billing, patientId),
  ];
}

/** The clinic resources these resources refer to, and those they refer to in turn (a room's building). */
function clinicClosure(resources: readonly FhirResource[], byKey: Map<string, ClinicResource>): ClinicResource[] {
  const found = new Map<string, ClinicResource>();
  let frontier: unknown[] = [...resources];
  while (frontier.length > 0) {
    const next: ClinicResource[] = [];
    for (const key of referencesIn(frontier)) {
      const resource = byKey.get(key);
      if (resource && !found.has(key)) {
        found.set(key, resource);
        next.push(resource);
        // A practitioner comes with their role: where they work and what they offer.
        const role = key.startsWith('Practitioner/') ? byKey.get(`PractitionerRole/role-${key.slice(13)}`) : undefined;
        if (role && !found.has(`PractitionerRole/${role.id ?? ''}`)) {
          found.set(`PractitionerRole/${role.id ?? ''}`, role);
          next.push(role);
        }
      }
    }
    frontier = next;
  }
  return [...found.values()];
}

function referencesIn(values: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'reference' && typeof v === 'string') out.add(v);
        else walk(v);
      }
    }
  };
  values.forEach(walk);
  return out;
}

function collection(patientId: string, resources: readonly FhirResource[], now: number): Bundle {
  return {
    resourceType: 'Bundle',
    id: `Patient-${patientId}`,
    type: 'collection',
    timestamp: instant(now),
    entry: resources.map((resource) => ({ resource })),
  };
}

/** Shaped like a Bulk Data `$export` completion manifest; file URLs are relative to the manifest's folder. */
function manifest(request: FhirExportRequest, counts: Record<string, number>, bundleCount: number) {
  return {
    transactionTime: instant(request.now),
    request: describe(request.scope, request.inlineDocuments),
    requiresAccessToken: false,
    output: Object.keys(counts)
      .sort()
      .map((type) => ({ type, url: `${type}.ndjson`, count: counts[type] })),
    error: [],
    bundles: { folder: BUNDLES_FOLDER, count: bundleCount },
  };
}

function describe(scope: FhirExportRequest['scope'], inline: boolean): string {
  const base =
    scope.kind === 'patient'
      ? `Patient/${scope.patientId}/$export`
      : scope.kind === 'range'
        ? `$export?_since=${scope.from}&until=${scope.to}`
        : '$export';
  return inline ? `${base}${base.includes('?') ? '&' : '?'}inlineDocuments=true` : base;
}

/** A new or empty folder: an export never mixes its files with another's. */
async function prepareFolder(dir: string): Promise<void> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new ExportFolderError(`${dir} is not empty; choose a new or empty folder`);
  }
  await mkdir(join(dir, BUNDLES_FOLDER), { recursive: true });
}
