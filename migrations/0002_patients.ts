import type { Migration } from './types';

/**
 * Patients and what hangs off them, and the local search index.
 *
 * The search index is derived data kept by core's patient repository in the same transaction as
 * the rows it describes; it holds only patients that can be found (not deleted, not merged away):
 * - patient_search: one row per findable patient with folded fields, keyed by a stable integer
 *   (an explicit INTEGER PRIMARY KEY, so VACUUM never renumbers it) that is also the FTS rowid;
 * - patient_name_tokens: each folded name word, for word-prefix search of any length (a trigram
 *   index cannot match one or two characters) in name order straight off the index;
 * - patient_fts: FTS5 with the trigram tokenizer for substrings of names, phone digits, MRN, email.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'patients',
  up(db, now) {
    db.exec(`
      CREATE TABLE patient_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mrn_prefix TEXT NOT NULL DEFAULT 'P' CHECK (length(mrn_prefix) <= 8),
        mrn_digits INTEGER NOT NULL DEFAULT 6 CHECK (mrn_digits BETWEEN 4 AND 12),
        mrn_next INTEGER NOT NULL DEFAULT 1 CHECK (mrn_next >= 1),
        default_calling_code TEXT CHECK (default_calling_code GLOB '[1-9]*' AND length(default_calling_code) <= 4),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        mrn TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        middle_name TEXT,
        last_name TEXT NOT NULL,
        preferred_name TEXT,
        dob TEXT NOT NULL CHECK (dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        sex TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'intersex', 'unknown')),
        gender_identity TEXT,
        email TEXT,
        address_line1 TEXT,
        address_line2 TEXT,
        city TEXT,
        region TEXT,
        postal_code TEXT,
        country TEXT,
        preferred_language TEXT,
        national_id TEXT,
        notes TEXT,
        deceased_date TEXT,
        deceased_at INTEGER,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        merged_into_id TEXT REFERENCES patients(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patients_dob ON patients (dob);
      CREATE INDEX patients_email ON patients (email) WHERE email IS NOT NULL;
      CREATE INDEX patients_national_id ON patients (national_id) WHERE national_id IS NOT NULL;
      CREATE INDEX patients_merged_into ON patients (merged_into_id) WHERE merged_into_id IS NOT NULL;

      CREATE TABLE patient_phones (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        kind TEXT NOT NULL CHECK (kind IN ('mobile', 'home', 'work')),
        number TEXT NOT NULL,
        tail TEXT NOT NULL,
        is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_phones_patient ON patient_phones (patient_id, position);
      CREATE INDEX patient_phones_tail ON patient_phones (tail) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX patient_phones_one_primary ON patient_phones (patient_id) WHERE is_primary = 1 AND deleted_at IS NULL;

      CREATE TABLE patient_contacts (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        kind TEXT NOT NULL CHECK (kind IN ('emergency', 'guarantor')),
        name TEXT NOT NULL,
        relationship TEXT,
        phone TEXT,
        email TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_contacts_patient ON patient_contacts (patient_id, position);

      CREATE TABLE patient_allergies (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        substance TEXT NOT NULL,
        reaction TEXT,
        severity TEXT NOT NULL DEFAULT 'unknown' CHECK (severity IN ('mild', 'moderate', 'severe', 'unknown')),
        recorded_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_allergies_patient ON patient_allergies (patient_id);

      CREATE TABLE patient_alerts (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        kind TEXT NOT NULL CHECK (kind IN ('clinical', 'administrative', 'safety', 'billing')),
        text TEXT NOT NULL,
        recorded_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_alerts_patient ON patient_alerts (patient_id);

      CREATE TABLE patient_insurance (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        payer TEXT NOT NULL,
        plan TEXT,
        member_id TEXT NOT NULL,
        group_number TEXT,
        holder_name TEXT,
        holder_relationship TEXT NOT NULL DEFAULT 'self' CHECK (holder_relationship IN ('self', 'spouse', 'parent', 'child', 'other')),
        priority TEXT NOT NULL CHECK (priority IN ('primary', 'secondary', 'tertiary')),
        effective_date TEXT,
        termination_date TEXT,
        last_verified_date TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_insurance_patient ON patient_insurance (patient_id);

      -- "Not the same person", said by someone about a pair (patient_a < patient_b).
      CREATE TABLE patient_not_duplicates (
        patient_a TEXT NOT NULL REFERENCES patients(id),
        patient_b TEXT NOT NULL REFERENCES patients(id),
        decided_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (patient_a, patient_b),
        CHECK (patient_a < patient_b)
      ) STRICT;

      -- The local search index (derived; never synced).
      CREATE TABLE patient_search (
        key INTEGER PRIMARY KEY,
        patient_id TEXT NOT NULL UNIQUE REFERENCES patients(id),
        sort_name TEXT NOT NULL,
        name_words TEXT NOT NULL,
        dob TEXT NOT NULL,
        phones TEXT NOT NULL,
        mrn TEXT NOT NULL,
        email TEXT NOT NULL
      ) STRICT;
      CREATE INDEX patient_search_dob ON patient_search (dob, sort_name);

      CREATE TABLE patient_name_tokens (
        token TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        key INTEGER NOT NULL REFERENCES patient_search(key),
        name_words TEXT NOT NULL
      ) STRICT;
      -- Covering: a prefix range reads keys in (token, name) order, and checks the other words typed,
      -- without touching a table.
      CREATE UNIQUE INDEX patient_name_tokens_order ON patient_name_tokens (token, sort_name, key, name_words);
      CREATE INDEX patient_name_tokens_key ON patient_name_tokens (key);

      CREATE VIRTUAL TABLE patient_fts USING fts5(
        name, phones, mrn, email,
        content = '', contentless_delete = 1,
        tokenize = 'trigram remove_diacritics 1'
      );
    `);
    db.prepare('INSERT INTO patient_settings (id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
  },
};
