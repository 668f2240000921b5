import type { Migration } from './types';

/**
 * Scheduling: where (locations, rooms), who (providers), what (appointment types), when a provider
 * can be booked (weekly templates with breaks, exceptions, clinic holidays), and appointments with
 * their history.
 *
 * Wall-clock rules are stored as local dates ('YYYY-MM-DD') and local times ('HH:mm', '24:00' for the
 * end of a day) and expanded per date in the clinic's zone; appointments are instants (epoch ms UTC).
 * An appointment lasts at most 24 hours (CHECK), so "what overlaps this day" is a bounded range scan
 * on (provider_id, start_at).
 *
 * appointments_provider_start / appointments_room_start: two live, not-overridden appointments can
 * never start at the same instant with the same provider (or room). Core's rules (run inside the
 * router's BEGIN IMMEDIATE transaction) refuse every overlap before this; the index is the last line
 * for the commonest race, two desks clicking the same empty slot.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'scheduling',
  up(db) {
    db.exec(`
      CREATE TABLE locations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        address TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX locations_name ON locations (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations(id),
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX rooms_name ON rooms (location_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

      -- A bookable person: a user with a login (user_id) or someone without one.
      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        user_id TEXT REFERENCES users(id),
        display_name TEXT NOT NULL,
        specialty TEXT,
        colour TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
        default_location_id TEXT REFERENCES locations(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX providers_user ON providers (user_id) WHERE user_id IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE appointment_types (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        colour TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
        -- In the clinic's currency (clinic_settings.currency), minor units.
        default_price_minor INTEGER CHECK (default_price_minor >= 0),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX appointment_types_name ON appointment_types (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      -- No rows for a type: any provider may see it.
      CREATE TABLE appointment_type_providers (
        type_id TEXT NOT NULL REFERENCES appointment_types(id),
        provider_id TEXT NOT NULL REFERENCES providers(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (type_id, provider_id)
      ) STRICT;

      CREATE TABLE availability_templates (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES providers(id),
        location_id TEXT NOT NULL REFERENCES locations(id),
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
        end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '24:00'),
        -- JSON array of {"start":"HH:mm","end":"HH:mm"} inside the hours.
        breaks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(breaks) AND json_type(breaks) = 'array'),
        valid_from TEXT,
        valid_until TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (start_time < end_time),
        CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
      ) STRICT;
      CREATE INDEX availability_templates_provider ON availability_templates (provider_id, weekday) WHERE deleted_at IS NULL;

      CREATE TABLE availability_exceptions (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES providers(id),
        location_id TEXT REFERENCES locations(id),
        kind TEXT NOT NULL CHECK (kind IN ('time_off', 'extra_hours')),
        date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        start_time TEXT CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
        end_time TEXT CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '24:00'),
        reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (date <= end_date),
        CHECK ((start_time IS NULL) = (end_time IS NULL)),
        CHECK (start_time IS NULL OR start_time < end_time),
        CHECK (kind = 'time_off' OR (location_id IS NOT NULL AND start_time IS NOT NULL))
      ) STRICT;
      CREATE INDEX availability_exceptions_provider ON availability_exceptions (provider_id, end_date) WHERE deleted_at IS NULL;

      CREATE TABLE clinic_holidays (
        id TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        name TEXT NOT NULL,
        location_id TEXT REFERENCES locations(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX clinic_holidays_date ON clinic_holidays (date, coalesce(location_id, '')) WHERE deleted_at IS NULL;

      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        provider_id TEXT NOT NULL REFERENCES providers(id),
        location_id TEXT NOT NULL REFERENCES locations(id),
        room_id TEXT REFERENCES rooms(id),
        type_id TEXT NOT NULL REFERENCES appointment_types(id),
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL,
        reason TEXT,
        notes TEXT,
        status TEXT NOT NULL DEFAULT 'booked'
          CHECK (status IN ('booked', 'confirmed', 'arrived', 'in_room', 'completed', 'cancelled', 'no_show')),
        cancel_reason TEXT,
        cancelled_by TEXT REFERENCES users(id),
        cancelled_at INTEGER,
        rescheduled_from_id TEXT REFERENCES appointments(id),
        meeting_link TEXT,
        override_reason TEXT,
        overridden_by TEXT REFERENCES users(id),
        created_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (end_at > start_at AND end_at - start_at <= 86400000),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX appointments_provider_time ON appointments (provider_id, start_at);
      CREATE INDEX appointments_patient_time ON appointments (patient_id, start_at);
      CREATE INDEX appointments_room_time ON appointments (room_id, start_at) WHERE room_id IS NOT NULL;
      CREATE INDEX appointments_start ON appointments (start_at);
      CREATE UNIQUE INDEX appointments_provider_start ON appointments (provider_id, start_at)
        WHERE status NOT IN ('cancelled', 'no_show') AND deleted_at IS NULL AND override_reason IS NULL;
      CREATE UNIQUE INDEX appointments_room_start ON appointments (room_id, start_at)
        WHERE room_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show') AND deleted_at IS NULL AND override_reason IS NULL;

      -- Append-only: who changed what on an appointment, and when.
      CREATE TABLE appointment_history (
        id TEXT PRIMARY KEY,
        appointment_id TEXT NOT NULL REFERENCES appointments(id),
        at INTEGER NOT NULL,
        user_id TEXT REFERENCES users(id),
        username TEXT,
        action TEXT NOT NULL CHECK (action IN ('booked', 'moved', 'cancelled', 'status')),
        -- JSON object {field: {"from": ..., "to": ...}} (for 'booked': the values booked).
        changes TEXT NOT NULL CHECK (json_valid(changes)),
        override_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX appointment_history_appointment ON appointment_history (appointment_id, at);
      CREATE TRIGGER appointment_history_no_update BEFORE UPDATE ON appointment_history
      BEGIN SELECT RAISE(ABORT, 'appointment_history is append-only'); END;
      CREATE TRIGGER appointment_history_no_delete BEFORE DELETE ON appointment_history
      BEGIN SELECT RAISE(ABORT, 'appointment_history is append-only'); END;
    `);
  },
};
