import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { ConflictRow } from './repository';

/** What a person reads about one side of a conflict: a name, and a time when it is an appointment. */
export interface Subject {
  name: string | null;
  /** The appointment's start (epoch ms), else null. */
  at: number | null;
  /** The provider of an appointment, the item of a lot, else null. */
  detail: string | null;
  /** A lot's item: a lot has no page of its own, its item's page lists it. Else null. */
  itemId: string | null;
}

const NONE: Subject = { name: null, at: null, detail: null, itemId: null };
const fullName = sql<string>`p.first_name || ' ' || p.last_name`;

async function appointment(db: ReadDb, id: string): Promise<Subject> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('providers as v', 'v.id', 'a.provider_id')
    .select([fullName.as('name'), 'a.start_at', 'v.display_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? { name: row.name, at: row.start_at, detail: row.display_name, itemId: null } : NONE;
}

async function patient(db: ReadDb, id: string): Promise<Subject> {
  const row = await db
    .selectFrom('patients as p')
    .select([fullName.as('name'), 'p.mrn'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row ? { name: row.name, at: null, detail: row.mrn, itemId: null } : NONE;
}

async function lot(db: ReadDb, id: string): Promise<Subject> {
  const row = await db
    .selectFrom('stock_lots as l')
    .innerJoin('stock_items as i', 'i.id', 'l.item_id')
    .select(['l.lot_number', 'i.name', 'i.id as item_id'])
    .where('l.id', '=', id)
    .executeTakeFirst();
  return row ? { name: row.lot_number, at: null, detail: row.name, itemId: row.item_id } : NONE;
}

async function place(db: ReadDb, id: string): Promise<Subject> {
  const row = await db.selectFrom('stock_locations').select('name').where('id', '=', id).executeTakeFirst();
  return row ? { name: row.name, at: null, detail: null, itemId: null } : NONE;
}

async function payment(db: ReadDb, id: string): Promise<Subject> {
  const row = await db
    .selectFrom('payments as y')
    .innerJoin('patients as p', 'p.id', 'y.patient_id')
    .select([fullName.as('name'), 'y.entered_at'])
    .where('y.id', '=', id)
    .executeTakeFirst();
  return row ? { name: row.name, at: row.entered_at, detail: null, itemId: null } : NONE;
}

async function drawer(db: ReadDb, id: string): Promise<Subject> {
  const row = await db
    .selectFrom('drawers')
    .select(['desk_name', 'business_date'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { name: row.desk_name, at: null, detail: row.business_date, itemId: null } : NONE;
}

/** Both sides of a conflict, as the inbox and a banner show them. */
export async function subjectsOf(db: ReadDb, row: ConflictRow): Promise<{ first: Subject; second: Subject }> {
  const read = (type: ConflictRow['first_type'] | ConflictRow['second_type'], id: string) => {
    switch (type) {
      case 'appointment':
        return appointment(db, id);
      case 'patient':
        return patient(db, id);
      case 'stock_lot':
        return lot(db, id);
      case 'stock_location':
        return place(db, id);
      case 'payment':
        return payment(db, id);
      case 'drawer':
        return drawer(db, id);
    }
  };
  return { first: await read(row.first_type, row.first_id), second: await read(row.second_type, row.second_id) };
}
