import type { ReadDb } from '../../../db/handles';
import type { PatientDocumentRow } from '../../../db/schema-documents';

/** A document without its bytes unless the export inlines them. */
export type ExportedDocumentRow = Omit<PatientDocumentRow, 'content' | 'uploaded_by' | 'updated_at' | 'deleted_at'> & {
  content: Buffer | null;
};

/**
 * Every read the FHIR export makes, read-only. The clinic's reference data (locations, providers,
 * types, weekly hours) is read once; patients are read in batches so a large clinic never sits in
 * memory whole.
 */

export interface ExportScope {
  /** One patient (and the records merged into them), or every patient. */
  patientId?: string | undefined;
  /** Clinic-local dates 'YYYY-MM-DD', inclusive, as instants [from, to). */
  range?: { from: number; to: number } | undefined;
}

export async function clinicRows(db: ReadDb) {
  const [settings, locations, rooms, providers, users, types, typeProviders, templates] = await Promise.all([
    db.selectFrom('clinic_settings').selectAll().executeTakeFirstOrThrow(),
    db.selectFrom('locations').selectAll().where('deleted_at', 'is', null).orderBy('id').execute(),
    db.selectFrom('rooms').selectAll().where('deleted_at', 'is', null).orderBy('id').execute(),
    db.selectFrom('providers').selectAll().where('deleted_at', 'is', null).orderBy('id').execute(),
    db.selectFrom('users').select(['id', 'username']).execute(),
    db.selectFrom('appointment_types').selectAll().where('deleted_at', 'is', null).orderBy('id').execute(),
    db.selectFrom('appointment_type_providers').selectAll().execute(),
    db.selectFrom('availability_templates').selectAll().where('deleted_at', 'is', null).orderBy('id').execute(),
  ]);
  return { settings, locations, rooms, providers, users, types, typeProviders, templates };
}
export type ClinicRows = Awaited<ReturnType<typeof clinicRows>>;

/** The ids of the patients in scope, in a stable order: for a range, those with an appointment or visit in it. */
export async function patientIdsInScope(db: ReadDb, scope: ExportScope): Promise<string[]> {
  if (scope.patientId !== undefined) {
    const rows = await db
      .selectFrom('patients')
      .select('id')
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('id', '=', scope.patientId ?? ''), eb('merged_into_id', '=', scope.patientId ?? '')]))
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }
  let query = db.selectFrom('patients').select('id').where('deleted_at', 'is', null);
  const range = scope.range;
  if (range) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('appointments as a')
            .select('a.id')
            .whereRef('a.patient_id', '=', 'patients.id')
            .where('a.deleted_at', 'is', null)
            .where('a.start_at', '>=', range.from)
            .where('a.start_at', '<', range.to),
        ),
        eb.exists(
          eb
            .selectFrom('visits as v')
            .select('v.id')
            .whereRef('v.patient_id', '=', 'patients.id')
            .where('v.deleted_at', 'is', null)
            .where('v.arrived_at', '>=', range.from)
            .where('v.arrived_at', '<', range.to),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** A batch of patients with everything recorded about them (within the range, for dated records). */
export async function patientBatch(db: ReadDb, ids: readonly string[], scope: ExportScope, inlineDocuments: boolean) {
  if (ids.length === 0) return null;
  const range = scope.range;
  const list = [...ids];
  let appointmentsQuery = db
    .selectFrom('appointments')
    .selectAll()
    .where('patient_id', 'in', list)
    .where('deleted_at', 'is', null);
  let visitsQuery = db.selectFrom('visits').selectAll().where('patient_id', 'in', list).where('deleted_at', 'is', null);
  let vitalsQuery = db.selectFrom('vitals').selectAll().where('patient_id', 'in', list).where('deleted_at', 'is', null);
  if (range) {
    appointmentsQuery = appointmentsQuery.where('start_at', '>=', range.from).where('start_at', '<', range.to);
    visitsQuery = visitsQuery.where('arrived_at', '>=', range.from).where('arrived_at', '<', range.to);
    vitalsQuery = vitalsQuery.where('recorded_at', '>=', range.from).where('recorded_at', '<', range.to);
  }
  const documentColumns = [
    'id',
    'patient_id',
    'kind',
    'title',
    'file_name',
    'mime_type',
    'size_bytes',
    'sha256',
    'created_at',
  ] as const;
  const [patients, phones, contacts, allergies, insurance, consents, merges, appointments, visits, vitals] =
    await Promise.all([
      db.selectFrom('patients').selectAll().where('id', 'in', list).orderBy('id').execute(),
      db
        .selectFrom('patient_phones')
        .selectAll()
        .where('patient_id', 'in', list)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('patient_contacts')
        .selectAll()
        .where('patient_id', 'in', list)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('patient_allergies')
        .selectAll()
        .where('patient_id', 'in', list)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('patient_insurance')
        .selectAll()
        .where('patient_id', 'in', list)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('patient_consents')
        .selectAll()
        .where('patient_id', 'in', list)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('patient_merges')
        .select(['survivor_id', 'merged_id'])
        .where('undone_at', 'is', null)
        .where((eb) => eb.or([eb('survivor_id', 'in', list), eb('merged_id', 'in', list)]))
        .execute(),
      appointmentsQuery.orderBy('start_at').execute(),
      visitsQuery.orderBy('arrived_at').execute(),
      vitalsQuery.orderBy('recorded_at').execute(),
    ]);
  const documents: ExportedDocumentRow[] = inlineDocuments
    ? // A document still arriving from another desk (bytes not here yet) is exported without its data.
      await db
        .selectFrom('patient_documents as d')
        .leftJoin('document_contents as c', 'c.sha256', 'd.sha256')
        .select([...documentColumns.map((column) => `d.${column}` as const), 'c.content'])
        .where('d.patient_id', 'in', list)
        .where('d.deleted_at', 'is', null)
        .orderBy('d.id')
        .execute()
    : (
        await db
          .selectFrom('patient_documents')
          .select(documentColumns)
          .where('patient_id', 'in', list)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .execute()
      ).map((row) => ({ ...row, content: null }));
  const appointmentIds = appointments.map((a) => a.id);
  const visitIds = visits.map((v) => v.id);
  const [cancellations, visitEvents] = await Promise.all([
    appointmentIds.length === 0
      ? []
      : db
          .selectFrom('appointment_history')
          .select(['appointment_id', 'at', 'changes'])
          .where('appointment_id', 'in', appointmentIds)
          .where('action', '=', 'cancelled')
          .orderBy('at')
          .execute(),
    visitIds.length === 0
      ? []
      : db
          .selectFrom('visit_events')
          .select(['visit_id', 'at', 'from_status', 'to_status', 'action'])
          .where('visit_id', 'in', visitIds)
          .orderBy('at')
          .execute(),
  ]);
  return {
    patients,
    phones,
    contacts,
    allergies,
    insurance,
    consents,
    merges,
    documents,
    appointments,
    visits,
    vitals,
    cancellations,
    visitEvents,
  };
}
export type PatientBatch = NonNullable<Awaited<ReturnType<typeof patientBatch>>>;
