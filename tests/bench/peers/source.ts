import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { MrnSettings, PeerPatient } from './question';

/**
 * Our generated data as the peers load it, read from the unencrypted copy: the very same patients
 * and appointments, so that every variant answers over the same rows.
 */

export interface PeerAppointment {
  id: string;
  patientId: string;
  providerId: string;
  typeId: string;
  start: number;
  end: number;
  status: string;
  reason: string | null;
}

export function readSettings(plainFile: string): MrnSettings {
  const handle = new BetterSqlite3(plainFile, { readonly: true });
  try {
    const row = handle
      .prepare(
        'SELECT c.date_format, p.mrn_prefix, p.mrn_digits FROM clinic_settings c, patient_settings p WHERE c.id = 1 AND p.id = 1',
      )
      .get() as { date_format: MrnSettings['dateFormat']; mrn_prefix: string; mrn_digits: number };
    return { dateFormat: row.date_format, mrnPrefix: row.mrn_prefix, mrnDigits: row.mrn_digits };
  } finally {
    handle.close();
  }
}

/** '+447674944142' -> '07674944142': how a UK desk writes it into a peer's phone field. */
export function nationalPhone(e164: string | null): string | null {
  if (!e164) return null;
  return e164.startsWith('+44') ? `0${e164.slice(3)}` : e164.replace(/\D/g, '');
}

/** Live patients with their primary phone, in batches. */
export function* readPatients(plainFile: string, batch = 5000): Generator<PeerPatient[]> {
  const handle = new BetterSqlite3(plainFile, { readonly: true });
  try {
    const rows = handle
      .prepare(
        `
        SELECT p.id, p.mrn, p.first_name, p.last_name, p.dob,
          (SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.is_primary = 1 AND ph.deleted_at IS NULL) AS phone
        FROM patients p WHERE p.deleted_at IS NULL AND p.merged_into_id IS NULL ORDER BY p.rowid`,
      )
      .iterate() as IterableIterator<{
      id: string;
      mrn: string;
      first_name: string;
      last_name: string;
      dob: string;
      phone: string | null;
    }>;
    let out: PeerPatient[] = [];
    for (const row of rows) {
      out.push({
        id: row.id,
        mrn: row.mrn,
        firstName: row.first_name,
        lastName: row.last_name,
        dob: row.dob,
        phone: nationalPhone(row.phone),
      });
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  } finally {
    handle.close();
  }
}

/** Live appointments (cancelled ones too: the peers filter them out as ours does), in batches. */
export function* readAppointments(plainFile: string, batch = 5000): Generator<PeerAppointment[]> {
  const handle = new BetterSqlite3(plainFile, { readonly: true });
  try {
    const rows = handle
      .prepare(
        'SELECT id, patient_id, provider_id, type_id, start_at, end_at, status, reason FROM appointments WHERE deleted_at IS NULL ORDER BY rowid',
      )
      .iterate() as IterableIterator<{
      id: string;
      patient_id: string;
      provider_id: string;
      type_id: string;
      start_at: number;
      end_at: number;
      status: string;
      reason: string | null;
    }>;
    let out: PeerAppointment[] = [];
    for (const row of rows) {
      out.push({
        id: row.id,
        patientId: row.patient_id,
        providerId: row.provider_id,
        typeId: row.type_id,
        start: row.start_at,
        end: row.end_at,
        status: row.status,
        reason: row.reason,
      });
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  } finally {
    handle.close();
  }
}

export function readTypes(plainFile: string): { id: string; name: string; durationMinutes: number }[] {
  const handle = new BetterSqlite3(plainFile, { readonly: true });
  try {
    return (
      handle.prepare('SELECT id, name, duration_minutes FROM appointment_types ORDER BY name').all() as {
        id: string;
        name: string;
        duration_minutes: number;
      }[]
    ).map((row) => ({ id: row.id, name: row.name, durationMinutes: row.duration_minutes }));
  } finally {
    handle.close();
  }
}
