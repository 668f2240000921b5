import type { Migration } from './types';

/**
 * Recurring appointments and the waitlist.
 *
 * appointment_series: the rule a recurring booking was made from (every `interval` days, weeks or
 * months from `start_date` at the wall-clock `start_time`, until a date or for a count). Each
 * occurrence is an ordinary appointment row linked by `series_id` with its place in the rule
 * (`series_index`, 0 for the first), so every booking rule applies to it and the calendar needs no
 * expansion at read time. Splitting a series ("this and following") ends the old rule with
 * `until_date` and starts a new row.
 *
 * waitlist_entries: a patient waiting for an earlier or any slot of one appointment type. Lists are
 * JSON arrays (empty: any): provider ids, ISO weekdays 1-7, parts of day. `status` goes waiting ->
 * booked (with the appointment) or removed; rows are never deleted (they name a patient).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'series_waitlist',
  up(db) {
    db.exec(`
      CREATE TABLE appointment_series (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        provider_id TEXT NOT NULL REFERENCES providers(id),
        -- Null: each occurrence where the provider works that day.
        location_id TEXT REFERENCES locations(id),
        room_id TEXT REFERENCES rooms(id),
        type_id TEXT NOT NULL REFERENCES appointment_types(id),
        frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
        interval INTEGER NOT NULL CHECK (interval BETWEEN 1 AND 52),
        start_date TEXT NOT NULL,
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        until_date TEXT,
        count INTEGER CHECK (count IS NULL OR count BETWEEN 1 AND 200),
        -- The series this one was split from (this-and-following edits).
        split_from_id TEXT REFERENCES appointment_series(id),
        created_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (until_date IS NOT NULL OR count IS NOT NULL)
      ) STRICT;
      CREATE INDEX appointment_series_patient ON appointment_series (patient_id);

      ALTER TABLE appointments ADD COLUMN series_id TEXT REFERENCES appointment_series(id);
      ALTER TABLE appointments ADD COLUMN series_index INTEGER;
      CREATE INDEX appointments_series ON appointments (series_id, start_at) WHERE series_id IS NOT NULL;

      CREATE TABLE waitlist_entries (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        type_id TEXT NOT NULL REFERENCES appointment_types(id),
        provider_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(provider_ids) AND json_type(provider_ids) = 'array'),
        earliest_date TEXT NOT NULL,
        latest_date TEXT,
        weekdays TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(weekdays) AND json_type(weekdays) = 'array'),
        parts_of_day TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(parts_of_day) AND json_type(parts_of_day) = 'array'),
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
        note TEXT,
        status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'booked', 'removed')),
        appointment_id TEXT REFERENCES appointments(id),
        removed_reason TEXT,
        created_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (latest_date IS NULL OR earliest_date <= latest_date),
        CHECK ((status = 'booked') = (appointment_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX waitlist_entries_waiting ON waitlist_entries (type_id, earliest_date) WHERE status = 'waiting' AND deleted_at IS NULL;
      CREATE INDEX waitlist_entries_patient ON waitlist_entries (patient_id);
    `);
  },
};
