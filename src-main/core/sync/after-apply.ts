import type { Kysely } from 'kysely';
import type { EventMap, EventTopic, ScheduleChangeKind } from '../../../src-shared/api/events';
import { todayIn } from '../../../src-shared/patients/dates';
import type { Database } from '../db/schema';
import { reindexPatients } from '../patients/search-index-repository';
import { readSettings } from '../settings/repository';
import type { TouchedRow } from './apply';
import { invoicesOfPatients, rebuildInvoiceBalances } from './cache-repository';
import { recomputeCredits } from '../billing/ledger-repository';

type Emit = <T extends EventTopic>(topic: T, payload: EventMap[T]) => void;

const BILLING_TABLES = new Set([
  'invoices',
  'invoice_lines',
  'payments',
  'payment_allocations',
  'refunds',
  'adjustments',
  'reversals',
  'claims',
  'claim_lines',
  'claim_events',
  'claim_remittances',
  'claim_remittance_lines',
  'drawers',
]);
const BILLING_SETUP = new Set([
  'taxes',
  'services',
  'fee_schedules',
  'fee_schedule_prices',
  'appointment_type_services',
  'payment_methods',
  'billing_settings',
]);
const PATIENT_TABLES = new Set([
  'patients',
  'patient_phones',
  'patient_contacts',
  'patient_allergies',
  'patient_alerts',
  'patient_insurance',
  'patient_documents',
  'patient_consents',
]);
const STOCK_SETUP = new Set([
  'stock_items',
  'stock_suppliers',
  'stock_supplier_items',
  'stock_locations',
  'stock_lots',
  'stock_settings',
]);
const SCHEDULE: Record<string, ScheduleChangeKind> = {
  locations: 'location',
  rooms: 'room',
  providers: 'provider',
  appointment_types: 'type',
  appointment_type_providers: 'type',
  availability_templates: 'template',
  availability_exceptions: 'exception',
  clinic_holidays: 'holiday',
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/**
 * After remote changes are applied, in the same transaction: the local caches of what they touched
 * are rebuilt from the synced rows (the patient search index, invoice balances). Returns the events
 * to send once it commits, the same ones local changes send, so open screens refresh.
 */
export async function rebuildCaches(db: Kysely<Database>, touched: readonly TouchedRow[], now: number): Promise<void> {
  const patients = distinct(
    touched
      .filter((t) => t.table === 'patients' || t.table === 'patient_phones')
      .map((t) => text(t.table === 'patients' ? t.row.id : t.row.patient_id)),
  );
  await reindexPatients(db, patients);

  const billing = touched.filter((t) => BILLING_TABLES.has(t.table));
  const invoiceIds = distinct(
    billing.flatMap((t) =>
      t.table === 'invoices' ? [text(t.row.id), text(t.row.credits_invoice_id)] : [text(t.row.invoice_id)],
    ),
  );
  const reversed = distinct(billing.filter((t) => t.table === 'reversals').map((t) => text(t.row.patient_id)));
  const all = distinct([...invoiceIds, ...(await invoicesOfPatients(db, reversed))]);
  await rebuildInvoiceBalances(db, all, now);
  // The credit triggers followed each insert; recomputing from the raw rows also holds whatever path a
  // snapshot merge's rows took (migration 0039).
  const credited = distinct(billing.filter((t) => CREDIT_TABLES.has(t.table)).map((t) => text(t.row.patient_id)));
  await recomputeCredits(db, credited);
}

/** The ledgers a patient's stored credit sums. */
const CREDIT_TABLES = new Set(['payments', 'refunds', 'payment_allocations', 'reversals']);

/** The events local writes would have sent for these rows. */
export async function eventsFor(db: Kysely<Database>, touched: readonly TouchedRow[], emit: Emit): Promise<void> {
  const of = (tables: Set<string> | string) =>
    touched.filter((t) => (typeof tables === 'string' ? t.table === tables : tables.has(t.table)));
  const rows = (table: string) => of(table).map((t) => t.row);

  const billing = of(BILLING_TABLES);
  if (billing.length > 0) {
    emit('billing.changed', {
      kind: 'invoice',
      patientIds: distinct(billing.map((t) => text(t.row.patient_id))),
      ids: distinct(billing.map((t) => text(t.row.id))),
    });
  }
  if (of(BILLING_SETUP).length > 0) emit('billing.changed', { kind: 'setup', patientIds: [], ids: [] });
  const movements = rows('stock_movements');
  if (movements.length > 0) {
    emit('stock.changed', {
      kind: 'movement',
      itemIds: distinct(movements.map((r) => text(r.item_id))),
      crossedReorder: [],
    });
  }
  if (of(STOCK_SETUP).length > 0) emit('stock.changed', { kind: 'setup', itemIds: [], crossedReorder: [] });
  for (const [table, kind] of Object.entries(SCHEDULE)) {
    const ids = rows(table).map((r) => text(r.id));
    if (ids.length > 0) emit('schedule.changed', { kind, ids: distinct(ids) });
  }
  const settings = rows('clinic_settings').length > 0 ? await readSettings(db) : null;
  if (settings) emit('settings.changed', { settings });
  for (const id of distinct(rows('users').map((r) => text(r.id)))) emit('users.changed', { userId: id });
  const waitlist = distinct(rows('waitlist_entries').map((r) => text(r.id)));
  if (waitlist.length > 0) emit('waitlist.changed', { entryIds: waitlist });

  const appointments = rows('appointments');
  if (appointments.length > 0) {
    const timeZone = settings?.timeZone ?? (await readSettings(db))?.timeZone ?? 'UTC';
    emit('appointments.changed', {
      appointmentIds: distinct(appointments.map((r) => text(r.id))),
      patientIds: distinct(appointments.map((r) => text(r.patient_id))),
      providerIds: distinct(appointments.map((r) => text(r.provider_id))),
      dates: distinct(appointments.map((r) => (typeof r.start_at === 'number' ? todayIn(timeZone, r.start_at) : null))),
      action: 'details',
    });
  }
  // Conflicts another desk found or resolved: this desk's inbox and banners read them again.
  const conflicts = rows('sync_conflicts');
  if (conflicts.length > 0 || rows('sync_conflict_resolutions').length > 0)
    emit('conflicts.changed', { found: conflicts.length });
  // Another desk's tasks and logged contacts: work lists and patient pages re-read.
  const tasks = rows('tasks');
  const comments = rows('task_comments');
  if (tasks.length > 0 || comments.length > 0) {
    emit('tasks.changed', {
      taskIds: distinct([...tasks.map((r) => text(r.id)), ...comments.map((r) => text(r.task_id))]),
      patientIds: distinct(tasks.map((r) => text(r.patient_id))),
    });
  }
  const contacts = rows('communications');
  if (contacts.length > 0)
    emit('communications.changed', { patientIds: distinct(contacts.map((r) => text(r.patient_id))) });
  const referrals = rows('referrals');
  if (referrals.length > 0)
    emit('referrals.changed', {
      referralIds: distinct(referrals.map((r) => text(r.id))),
      patientIds: distinct(referrals.map((r) => text(r.patient_id))),
    });
  // Another desk's edits to a patient's record: the patient's open page re-reads.
  const patients = distinct(
    touched
      .filter((t) => PATIENT_TABLES.has(t.table))
      .map((t) => text(t.table === 'patients' ? t.row.id : t.row.patient_id)),
  );
  if (patients.length > 0) emit('patients.changed', { patientIds: patients });
  const visits = rows('visits');
  for (const date of distinct(visits.map((r) => text(r.local_date)))) {
    emit('visits.changed', {
      visitIds: distinct(visits.filter((r) => r.local_date === date).map((r) => text(r.id))),
      date,
      action: 'moved',
    });
  }
}
