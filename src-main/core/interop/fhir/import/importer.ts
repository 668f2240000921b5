import type { Kysely } from 'kysely';
import {
  NOT_A_VITAL_REASON,
  type FhirImportLine,
  type FhirImportReport,
} from '../../../../../src-shared/interop/fhir-import';
import type { Actor } from '../../../actor';
import type { Database } from '../../../db/schema';
import type { VitalsRow } from '../../../db/schema-visits';
import { newId } from '../../../ids';
import { clinicClock } from '../../../scheduling/config';
import { insertVitals } from '../../../visits/vitals-repository';
import { objects } from './fhir-json';
import { findLink, saveLink } from './link-repository';
import { effectiveAt, observationLabel, vitalsOf, type VitalColumn } from './map-vitals';
import { readFhirFile, type FileEntry } from './read-file';
import { FileReferences } from './references';
import { contentHash, ImportSession, sourceKeyOf, type StepResult } from './session';
import {
  createPatientFrom,
  createProviderFrom,
  isReviewReason,
  updatePatientFrom,
  updateProviderFrom,
} from './steps-people';
import { createAllergyFrom, createInsuranceFrom, missingPatient } from './steps-records';
import { appointmentVisit, createVisitFrom, encounterVisit, pastStatusOf } from './steps-visits';
import { patientLabel } from './map-patient';

/** The resource types Front Desk keeps, in the order they are brought in (what is pointed at first). */
export const IMPORTED_TYPES = [
  'Practitioner',
  'Patient',
  'Coverage',
  'AllergyIntolerance',
  'Appointment',
  'Encounter',
  'Observation',
] as const;

/** The types other resources point at (a visit's patient and practitioner, an encounter's appointment). */
const REFERRED_TO = new Set(['Patient', 'Practitioner', 'Appointment']);

export interface ImportOptions {
  actor: Actor;
  now: number;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

interface Step {
  create(session: ImportSession, entry: FileEntry): Promise<StepResult>;
  update?(session: ImportSession, entry: FileEntry, localId: string): Promise<StepResult>;
  label(entry: FileEntry): string;
}

const STEPS: Record<Exclude<(typeof IMPORTED_TYPES)[number], 'Observation'>, Step> = {
  Practitioner: {
    create: (session, entry) => createProviderFrom(session, entry.resource),
    update: (session, entry, id) => updateProviderFrom(session, entry.resource, id),
    label: () => 'Practitioner',
  },
  Patient: {
    create: (session, entry) => createPatientFrom(session, entry.resource),
    update: (session, entry, id) => updatePatientFrom(session, entry.resource, id),
    label: (entry) => patientLabel(entry.resource),
  },
  Coverage: { create: (session, entry) => createInsuranceFrom(session, entry.resource), label: () => 'Coverage' },
  AllergyIntolerance: {
    create: (session, entry) => createAllergyFrom(session, entry.resource),
    label: () => 'Allergy',
  },
  Appointment: {
    create: (session, entry) =>
      createVisitFrom(session, appointmentVisit(session, entry.resource), pastStatusOf.Appointment),
    label: () => 'Appointment',
  },
  Encounter: {
    create: async (session, entry) => {
      // The visit of an Appointment in the file is that appointment, already brought in: not a second one.
      const booked = await session.localIdOf(objects(entry.resource.appointment)[0], 'Appointment', 'appointments');
      if (booked)
        return {
          outcome: 'skipped',
          label: encounterVisit(session, entry.resource).label,
          reason: 'the visit of an appointment in the file, brought in with it',
          localTable: 'appointments',
          localId: booked,
        };
      return createVisitFrom(session, encounterVisit(session, entry.resource), pastStatusOf.Encounter);
    },
    label: () => 'Encounter',
  },
};

class Report {
  readonly lines: FhirImportLine[] = [];
  readonly counts: FhirImportReport['counts'] = {};
  private readonly others = new Map<string, number>();
  sentToReview = 0;

  add(entry: FileEntry, result: StepResult): void {
    const counts = (this.counts[entry.resourceType] ??= { created: 0, updated: 0, skipped: 0 });
    counts[result.outcome] += 1;
    if (isReviewReason(result)) this.sentToReview += 1;
    this.lines.push({
      position: entry.position,
      resourceType: entry.resourceType,
      sourceId: entry.id ?? null,
      label: result.label.slice(0, 200),
      outcome: result.outcome,
      reason: result.reason ?? null,
    });
  }

  other(type: string): void {
    this.others.set(type, (this.others.get(type) ?? 0) + 1);
  }

  finish(dryRun: boolean, total: number): FhirImportReport {
    this.lines.sort((a, b) => a.position - b.position);
    const notImported = [...this.others].map(([resourceType, count]) => ({ resourceType, count }));
    notImported.sort((a, b) => b.count - a.count || a.resourceType.localeCompare(b.resourceType));
    return {
      dryRun,
      total,
      counts: this.counts,
      notImported,
      sentToDuplicateReview: this.sentToReview,
      lines: this.lines,
    };
  }
}

/** Brings one resource in unless an earlier import did: unchanged is skipped, changed is updated where the desk can. */
async function importOne(session: ImportSession, report: Report, entry: FileEntry, step: Step): Promise<void> {
  const key = sourceKeyOf(entry);
  const hash = contentHash(entry.resource);
  const link = await findLink(session.db, key);
  let result: StepResult;
  if (link && link.content_hash === hash) {
    result = {
      outcome: 'skipped',
      label: step.label(entry),
      reason: 'already imported, unchanged',
      localTable: link.local_table,
      localId: link.local_id,
    };
  } else if (link) {
    result = step.update
      ? await step.update(session, entry, link.local_id)
      : {
          outcome: 'skipped',
          label: step.label(entry),
          reason: 'already imported; the desk keeps its copy of what changed',
          localTable: link.local_table,
          localId: link.local_id,
        };
  } else {
    result = await step.create(session, entry);
  }
  if (result.localTable && result.localId) {
    session.remember(entry, result.localTable, result.localId);
    if (result.outcome !== 'skipped' || !link) {
      const saved = { resourceType: entry.resourceType, localTable: result.localTable, localId: result.localId };
      await saveLink(session.db, { ...saved, sourceKey: key, contentHash: hash }, session.now);
      // Also under `Type/id`, what a later file or NDJSON batch refers to it by (`Patient/123`), when the
      // identifier is its key: a reference then resolves to it after the batch that brought it in.
      const byId = entry.id ? `${entry.resourceType}/${entry.id}` : undefined;
      if (byId && byId !== key && REFERRED_TO.has(entry.resourceType))
        await saveLink(session.db, { ...saved, sourceKey: byId, contentHash: hash }, session.now);
    }
  }
  report.add(entry, result);
}

/**
 * Observations taken at the same moment for the same patient are one vitals entry (a nurse records them
 * together); each Observation is reported on its own and remembered as that entry.
 */
async function importObservations(
  session: ImportSession,
  report: Report,
  entries: FileEntry[],
  tick: () => Promise<void>,
): Promise<void> {
  const groups = new Map<
    string,
    { patientId: string; at: number; entries: FileEntry[]; values: Partial<Record<VitalColumn, number>> }
  >();
  for (const entry of entries) {
    const label = observationLabel(entry.resource);
    const { values, outOfRange } = vitalsOf(entry.resource);
    if (Object.keys(values).length === 0 && outOfRange.length > 0) {
      report.add(entry, {
        outcome: 'skipped',
        label,
        reason: `its value is outside what the desk records (${outOfRange.join(', ')})`,
      });
    } else if (Object.keys(values).length === 0) {
      report.add(entry, { outcome: 'skipped', label, reason: NOT_A_VITAL_REASON });
    } else if ((await findLink(session.db, sourceKeyOf(entry))) !== undefined) {
      report.add(entry, { outcome: 'skipped', label, reason: 'already imported, unchanged' });
    } else {
      const patientId = await session.localIdOf(entry.resource.subject, 'Patient', 'patients');
      const at = effectiveAt(entry.resource);
      if (!patientId) report.add(entry, { outcome: 'skipped', label, reason: missingPatient(entry.resource.subject) });
      else if (at === undefined)
        report.add(entry, { outcome: 'skipped', label, reason: 'it has no time it was measured' });
      else {
        const key = `${patientId}@${at}`;
        const group = groups.get(key) ?? { patientId, at, entries: [], values: {} };
        group.entries.push(entry);
        Object.assign(group.values, values);
        groups.set(key, group);
      }
    }
    await tick();
  }
  for (const group of groups.values()) {
    const row: VitalsRow = {
      id: newId(),
      patient_id: group.patientId,
      visit_id: null,
      systolic_mmhg: group.values.systolic_mmhg ?? null,
      diastolic_mmhg: group.values.diastolic_mmhg ?? null,
      pulse_per_min: group.values.pulse_per_min ?? null,
      resp_per_min: group.values.resp_per_min ?? null,
      temperature_c: group.values.temperature_c ?? null,
      spo2_percent: group.values.spo2_percent ?? null,
      weight_kg: group.values.weight_kg ?? null,
      height_m: group.values.height_m ?? null,
      bmi: group.values.bmi ?? null,
      pain: group.values.pain ?? null,
      chief_complaint: null,
      allergies_reviewed: 0,
      // As measured elsewhere: nobody here vouched for odd values, and none are refused.
      confirmed_implausible: '[]',
      recorded_by: session.actor.userId,
      recorded_by_name: 'FHIR import',
      recorded_at: group.at,
      created_at: session.now,
      updated_at: session.now,
      deleted_at: null,
    };
    await insertVitals(session.db, row);
    for (const entry of group.entries) {
      await saveLink(
        session.db,
        {
          sourceKey: sourceKeyOf(entry),
          resourceType: 'Observation',
          localTable: 'vitals',
          localId: row.id,
          contentHash: contentHash(entry.resource),
        },
        session.now,
      );
      report.add(entry, {
        outcome: 'created',
        label: observationLabel(entry.resource),
        localTable: 'vitals',
        localId: row.id,
      });
    }
  }
}

/**
 * Reads the file (refusing a malformed one before anything is written) and brings its resources in, in
 * the caller's transaction: the router's, so either all of it is kept or, on any failure, none.
 */
export async function importFhir(
  db: Kysely<Database>,
  content: string,
  options: ImportOptions,
): Promise<FhirImportReport> {
  const file = readFhirFile(content);
  const { timeZone } = await clinicClock(db);
  const session = new ImportSession(db, new FileReferences(file.entries), options.actor, options.now, timeZone);
  const report = new Report();
  const total = file.entries.length;
  let done = 0;
  const every = Math.max(1, Math.floor(total / 50));
  const tick = async () => {
    done += 1;
    if (options.onProgress && (done % every === 0 || done === total)) await options.onProgress(done, total);
  };
  const byType = new Map<string, FileEntry[]>();
  for (const entry of file.entries) {
    const list = byType.get(entry.resourceType) ?? [];
    list.push(entry);
    byType.set(entry.resourceType, list);
  }
  for (const type of IMPORTED_TYPES) {
    const entries = byType.get(type) ?? [];
    if (type === 'Observation') {
      await importObservations(session, report, entries, tick);
      continue;
    }
    for (const entry of entries) {
      await importOne(session, report, entry, STEPS[type]);
      await tick();
    }
  }
  for (const [type, entries] of byType) {
    if ((IMPORTED_TYPES as readonly string[]).includes(type)) continue;
    // Listed, not refused: an Organization is still read for a payer's name, the rest is left out.
    for (let index = 0; index < entries.length; index += 1) {
      report.other(type);
      await tick();
    }
  }
  return report.finish(options.dryRun, total);
}
