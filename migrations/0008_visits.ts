import type { Migration } from './types';

/**
 * Visits (encounters): one per arrival, linked to its appointment or a walk-in; the append-only
 * history of their moves (undo and "who made the last move" read it); vitals; and the flow board's
 * own settings (a separate single row, so the clinic settings table keeps its shape).
 *
 * visits_appointment_live: an appointment has at most one live visit, so two desks checking in the
 * same appointment at once cannot both succeed.
 * visits_room_held: a room holds at most one patient at a time.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'visits',
  up(db, now) {
    db.exec(`
      CREATE TABLE visit_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        threshold_arrived_minutes INTEGER NOT NULL DEFAULT 15 CHECK (threshold_arrived_minutes BETWEEN 1 AND 600),
        threshold_roomed_minutes INTEGER NOT NULL DEFAULT 10 CHECK (threshold_roomed_minutes BETWEEN 1 AND 600),
        threshold_with_provider_minutes INTEGER NOT NULL DEFAULT 30 CHECK (threshold_with_provider_minutes BETWEEN 1 AND 600),
        threshold_ready_minutes INTEGER NOT NULL DEFAULT 10 CHECK (threshold_ready_minutes BETWEEN 1 AND 600),
        temperature_unit TEXT NOT NULL DEFAULT 'C' CHECK (temperature_unit IN ('C', 'F')),
        measurement_system TEXT NOT NULL DEFAULT 'metric' CHECK (measurement_system IN ('metric', 'imperial')),
        ticket_style TEXT NOT NULL DEFAULT 'initials' CHECK (ticket_style IN ('initials', 'number')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        appointment_id TEXT REFERENCES appointments(id),
        -- The appointment's status before check-in, put back when the arrival is undone.
        appointment_status_before TEXT,
        provider_id TEXT REFERENCES providers(id),
        room_id TEXT REFERENCES rooms(id),
        status TEXT NOT NULL
          CHECK (status IN ('arrived', 'roomed', 'with_provider', 'ready_for_checkout', 'checked_out', 'cancelled')),
        -- The clinic's local date of arrival: the board reads one date.
        local_date TEXT NOT NULL,
        ticket_number INTEGER NOT NULL,
        arrived_at INTEGER NOT NULL,
        roomed_at INTEGER,
        seen_at INTEGER,
        ready_at INTEGER,
        checked_out_at INTEGER,
        status_since INTEGER NOT NULL,
        called_at INTEGER,
        called_room_id TEXT REFERENCES rooms(id),
        -- Newest move or undo (a stale screen's undo names it and is refused when it changed).
        last_event_id TEXT NOT NULL,
        -- The move an undo would take back; NULL when nothing can be undone.
        undo_event_id TEXT,
        last_move_by TEXT REFERENCES users(id),
        last_move_by_name TEXT,
        last_move_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK ((status = 'roomed' OR status = 'with_provider') <= (room_id IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX visits_appointment_live ON visits (appointment_id)
        WHERE appointment_id IS NOT NULL AND status <> 'cancelled' AND deleted_at IS NULL;
      CREATE UNIQUE INDEX visits_room_held ON visits (room_id)
        WHERE status IN ('roomed', 'with_provider') AND deleted_at IS NULL;
      CREATE INDEX visits_day ON visits (local_date, arrived_at);
      CREATE INDEX visits_patient ON visits (patient_id, arrived_at);
      CREATE INDEX visits_called ON visits (called_at) WHERE called_at IS NOT NULL;

      -- Append-only. 'before' is the visit's moving fields as they were, so an undo restores them exactly.
      CREATE TABLE visit_events (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        at INTEGER NOT NULL,
        user_id TEXT REFERENCES users(id),
        username TEXT,
        action TEXT NOT NULL CHECK (action IN ('arrive', 'move', 'check_out', 'undo', 'call')),
        from_status TEXT,
        to_status TEXT NOT NULL,
        before TEXT NOT NULL CHECK (json_valid(before)),
        undoes_event_id TEXT REFERENCES visit_events(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX visit_events_visit ON visit_events (visit_id, at);
      CREATE UNIQUE INDEX visit_events_undone ON visit_events (undoes_event_id) WHERE undoes_event_id IS NOT NULL;
      CREATE TRIGGER visit_events_no_update BEFORE UPDATE ON visit_events
      BEGIN SELECT RAISE(ABORT, 'visit_events is append-only'); END;
      CREATE TRIGGER visit_events_no_delete BEFORE DELETE ON visit_events
      BEGIN SELECT RAISE(ABORT, 'visit_events is append-only'); END;

      -- SI units: mmHg, /min, degrees Celsius, %, kg, m. A missing measurement is NULL.
      CREATE TABLE vitals (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        visit_id TEXT REFERENCES visits(id),
        systolic_mmhg INTEGER CHECK (systolic_mmhg BETWEEN 40 AND 300),
        diastolic_mmhg INTEGER CHECK (diastolic_mmhg BETWEEN 20 AND 200),
        pulse_per_min INTEGER CHECK (pulse_per_min BETWEEN 20 AND 300),
        resp_per_min INTEGER CHECK (resp_per_min BETWEEN 3 AND 80),
        temperature_c REAL CHECK (temperature_c BETWEEN 25 AND 45),
        spo2_percent INTEGER CHECK (spo2_percent BETWEEN 50 AND 100),
        weight_kg REAL CHECK (weight_kg BETWEEN 0.3 AND 500),
        height_m REAL CHECK (height_m BETWEEN 0.3 AND 2.6),
        bmi REAL,
        pain INTEGER CHECK (pain BETWEEN 0 AND 10),
        chief_complaint TEXT,
        allergies_reviewed INTEGER NOT NULL DEFAULT 0 CHECK (allergies_reviewed IN (0, 1)),
        confirmed_implausible TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(confirmed_implausible)),
        recorded_by TEXT REFERENCES users(id),
        recorded_by_name TEXT,
        recorded_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX vitals_patient ON vitals (patient_id, recorded_at);
      CREATE INDEX vitals_visit ON vitals (visit_id) WHERE visit_id IS NOT NULL;
    `);
    db.prepare('INSERT INTO visit_settings (id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
  },
};
