import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { localParts } from '../../../src-shared/scheduling/time';
import { formatLocalTime } from '../../../src-shared/scheduling/time';
import type { Dataset } from '../dataset';
import { BENCH_ZONE } from '../scheduling-data';
import { PEER_LIMIT, type PeerPatient, type PeerQuestion } from './question';
import { readAppointments, readPatients, readTypes } from './source';

/**
 * The OpenEMR-shaped peer: `patient_data` (an integer pid, a public id `pubpid`, names, DOB as a
 * DATE, phones as text) and `openemr_postcalendar_events` (the provider as an integer `pc_aid`,
 * the wall-clock date and times without a zone, the duration in seconds, a one-letter status),
 * queried the way OpenEMR's patient finder (`LIKE 'x%'` on names, equality on pubpid and DOB) and
 * its calendar (one date, a list of providers) do. Statements are prepared once (`execute`).
 *
 * Loaded once per dataset into its own database on 127.0.0.1:3306 and reused while the dataset's
 * marker is unchanged.
 */

const HOST = process.env.FRONT_DESK_BENCH_MARIADB_HOST ?? '127.0.0.1';
const PORT = Number(process.env.FRONT_DESK_BENCH_MARIADB_PORT ?? 3306);
const USER = process.env.FRONT_DESK_BENCH_MARIADB_USER ?? 'root';

/** OpenEMR's appointment statuses: '-' none, '*' reminder done, 'x' cancelled, '?' no show, '>' checked out. */
const STATUS: Record<string, string> = { booked: '-', confirmed: '*', completed: '>', cancelled: 'x', no_show: '?' };

export class MariaPeer {
  readonly #connection: Connection;
  readonly #providerNumbers: Map<string, number>;
  readonly #providerIds: string[];

  private constructor(connection: Connection, providerIds: string[]) {
    this.#connection = connection;
    this.#providerIds = providerIds;
    this.#providerNumbers = new Map(providerIds.map((id, i) => [id, i + 1]));
  }

  /** Connects, (re)loads the data when the dataset changed; null with the reason when MariaDB is not there. */
  static async open(
    dataset: Dataset,
    marker: string,
    log: (line: string) => void,
  ): Promise<MariaPeer | { absent: string }> {
    let connection: Connection;
    try {
      connection = await createConnection({
        host: HOST,
        port: PORT,
        user: USER,
        password: process.env.FRONT_DESK_BENCH_MARIADB_PASSWORD ?? '',
        dateStrings: true,
        connectTimeout: 3000,
      });
    } catch (error) {
      return { absent: `MariaDB is not reachable at ${HOST}:${PORT} as ${USER} (${(error as Error).message})` };
    }
    const database = `front_desk_bench_${dataset.patients}p_${dataset.appointments}a_${dataset.seed}`;
    const peer = new MariaPeer(connection, dataset.scheduling.providerIds);
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`,
    );
    await connection.query(`USE ${database}`);
    const [meta] = await connection.query<RowDataPacket[]>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'bench_meta'",
    );
    let loaded = false;
    if (Number(meta[0]?.n) > 0) {
      const [rows] = await connection.query<RowDataPacket[]>('SELECT marker FROM bench_meta');
      loaded = rows[0]?.marker === marker;
    }
    if (!loaded) await peer.#load(dataset, marker, log);
    return peer;
  }

  async close(): Promise<void> {
    await this.#connection.end();
  }

  /** Drops this dataset's database (the tests' small ones; the bench keeps its own for the next run). */
  async drop(): Promise<void> {
    await this.#connection.query(
      'DROP DATABASE IF EXISTS ' +
        String((await this.#connection.query<RowDataPacket[]>('SELECT DATABASE() AS d'))[0][0]?.d),
    );
  }

  /** The loaded tables, for the bench's own tests. */
  async rows(sql: string): Promise<RowDataPacket[]> {
    const [rows] = await this.#connection.query<RowDataPacket[]>(sql);
    return rows;
  }

  async #load(dataset: Dataset, marker: string, log: (line: string) => void): Promise<void> {
    const started = performance.now();
    const c = this.#connection;
    log(
      `MariaDB: loading ${dataset.patients} patients and ${dataset.appointments} appointments into OpenEMR-shaped tables ...`,
    );
    for (const table of [
      'bench_meta',
      'openemr_postcalendar_events',
      'openemr_postcalendar_categories',
      'patient_data',
    ])
      await c.query(`DROP TABLE IF EXISTS ${table}`);
    await c.query(`
      CREATE TABLE patient_data (
        pid BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        uuid CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        pubpid VARCHAR(255) NOT NULL DEFAULT '',
        fname VARCHAR(255) NOT NULL DEFAULT '',
        lname VARCHAR(255) NOT NULL DEFAULT '',
        DOB DATE DEFAULT NULL,
        phone_cell VARCHAR(255) NOT NULL DEFAULT ''
      ) ENGINE=InnoDB`);
    await c.query(`
      CREATE TABLE openemr_postcalendar_categories (
        pc_catid INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        pc_catname VARCHAR(100) DEFAULT NULL,
        pc_duration BIGINT NOT NULL DEFAULT 0
      ) ENGINE=InnoDB`);
    await c.query(`
      CREATE TABLE openemr_postcalendar_events (
        pc_eid INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        uuid CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        pc_catid INT NOT NULL DEFAULT 0,
        pc_aid VARCHAR(30) DEFAULT NULL,
        pc_pid VARCHAR(11) DEFAULT NULL,
        pc_hometext TEXT,
        pc_eventDate DATE NOT NULL DEFAULT '0000-00-00',
        pc_endDate DATE NOT NULL DEFAULT '0000-00-00',
        pc_duration BIGINT NOT NULL DEFAULT 0,
        pc_startTime TIME DEFAULT NULL,
        pc_endTime TIME DEFAULT NULL,
        pc_apptstatus VARCHAR(15) NOT NULL DEFAULT '-'
      ) ENGINE=InnoDB`);
    const typeNumbers = new Map<string, number>();
    for (const type of readTypes(dataset.plain)) {
      const [result] = await c.query<RowDataPacket[] & { insertId: number }>(
        'INSERT INTO openemr_postcalendar_categories (pc_catname, pc_duration) VALUES (?, ?)',
        [type.name, type.durationMinutes * 60],
      );
      typeNumbers.set(type.id, (result as unknown as { insertId: number }).insertId);
    }
    const pids = new Map<string, number>();
    let next = 1;
    for (const batch of readPatients(dataset.plain)) {
      const rows = batch.map((p) => {
        pids.set(p.id, next);
        return [next++, p.id, p.mrn, p.firstName, p.lastName, p.dob, p.phone ?? ''];
      });
      await c.query('INSERT INTO patient_data (pid, uuid, pubpid, fname, lname, DOB, phone_cell) VALUES ?', [rows]);
    }
    log(`  MariaDB: ${pids.size} patients in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    let count = 0;
    for (const batch of readAppointments(dataset.plain)) {
      const rows = batch.map((a) => {
        const start = localParts(BENCH_ZONE, a.start);
        const end = localParts(BENCH_ZONE, a.end);
        return [
          a.id,
          typeNumbers.get(a.typeId) ?? 0,
          String(this.#providerNumbers.get(a.providerId) ?? 0),
          String(pids.get(a.patientId) ?? 0),
          a.reason,
          start.date,
          end.date,
          Math.round((a.end - a.start) / 1000),
          `${formatLocalTime(start.minutes)}:00`,
          `${formatLocalTime(end.minutes)}:00`,
          STATUS[a.status] ?? '-',
        ];
      });
      await c.query(
        'INSERT INTO openemr_postcalendar_events (uuid, pc_catid, pc_aid, pc_pid, pc_hometext, pc_eventDate, pc_endDate, pc_duration, pc_startTime, pc_endTime, pc_apptstatus) VALUES ?',
        [rows],
      );
      count += rows.length;
    }
    log(`  MariaDB: ${count} appointments in ${((performance.now() - started) / 1000).toFixed(1)} s; indexing ...`);
    // The indexes a clinic running it would have: OpenEMR's own on the events, and one per searched patient column.
    await c.query(
      'ALTER TABLE patient_data ADD UNIQUE KEY uuid (uuid), ADD KEY lname (lname), ADD KEY fname (fname), ADD KEY pubpid (pubpid), ADD KEY dob (DOB), ADD KEY phone_cell (phone_cell)',
    );
    await c.query(
      'ALTER TABLE openemr_postcalendar_events ADD KEY pc_eventDate (pc_eventDate), ADD KEY aid_date (pc_aid, pc_eventDate), ADD KEY pc_pid (pc_pid)',
    );
    await c.query('ANALYZE TABLE patient_data, openemr_postcalendar_events');
    await c.query('CREATE TABLE bench_meta (marker TEXT NOT NULL) ENGINE=InnoDB');
    await c.query('INSERT INTO bench_meta (marker) VALUES (?)', [marker]);
    log(`  MariaDB: loaded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  /** The patient finder: names by prefix (the collation folds case and accents), identifiers by equality. */
  async searchPatients(question: PeerQuestion): Promise<PeerPatient[]> {
    const select =
      'SELECT uuid AS id, pubpid AS mrn, fname AS firstName, lname AS lastName, DOB AS dob, phone_cell AS phone FROM patient_data';
    const like = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const limit = String(PEER_LIMIT);
    let rows: RowDataPacket[];
    switch (question.kind) {
      case 'name':
        [rows] = await this.#connection.execute<RowDataPacket[]>(
          `${select} WHERE lname LIKE ? OR fname LIKE ? ORDER BY lname, fname LIMIT ${limit}`,
          [like(question.prefix), like(question.prefix)],
        );
        break;
      case 'first-last':
        [rows] = await this.#connection.execute<RowDataPacket[]>(
          `${select} WHERE fname LIKE ? AND lname LIKE ? ORDER BY lname, fname LIMIT ${limit}`,
          [like(question.first), like(question.last)],
        );
        break;
      case 'phone':
        // A whole number by equality; its last digits the way OpenEMR's finder matches phones: LIKE '%digits'.
        [rows] = question.whole
          ? await this.#connection.execute<RowDataPacket[]>(
              `${select} WHERE phone_cell = ? ORDER BY lname, fname LIMIT ${limit}`,
              [question.digits],
            )
          : await this.#connection.execute<RowDataPacket[]>(
              `${select} WHERE phone_cell LIKE ? ORDER BY lname, fname LIMIT ${limit}`,
              [`%${question.digits}`],
            );
        break;
      case 'mrn':
        [rows] = await this.#connection.execute<RowDataPacket[]>(`${select} WHERE pubpid = ? LIMIT ${limit}`, [
          question.mrn,
        ]);
        break;
      case 'dob':
        [rows] = await this.#connection.execute<RowDataPacket[]>(
          `${select} WHERE DOB = ? ORDER BY lname, fname LIMIT ${limit}`,
          [question.dob],
        );
        break;
      case 'none':
        return [];
    }
    return rows.map((row) => ({
      id: String(row.id),
      mrn: String(row.mrn),
      firstName: String(row.firstName),
      lastName: String(row.lastName),
      dob: String(row.dob),
      phone: row.phone === '' ? null : String(row.phone),
    }));
  }

  /** The calendar's day for these providers: one date, not cancelled, with names and category; ids in column order. */
  async day(date: string, providerIds: readonly string[]): Promise<string[]> {
    const numbers = providerIds.map((id) => String(this.#providerNumbers.get(id) ?? 0));
    const [rows] = await this.#connection.execute<RowDataPacket[]>(
      `SELECT e.uuid, e.pc_aid, e.pc_startTime, e.pc_endTime, e.pc_duration, e.pc_apptstatus, e.pc_hometext, p.fname, p.lname, p.pubpid, c.pc_catname
       FROM openemr_postcalendar_events e
         JOIN patient_data p ON p.pid = e.pc_pid
         JOIN openemr_postcalendar_categories c ON c.pc_catid = e.pc_catid
       WHERE e.pc_aid IN (${numbers.map(() => '?').join(', ')}) AND e.pc_eventDate = ? AND e.pc_apptstatus != 'x'
       ORDER BY e.pc_startTime, e.uuid`,
      [...numbers, date],
    );
    const columns = new Map<string, string[]>(numbers.map((n) => [n, []]));
    for (const row of rows) columns.get(String(row.pc_aid))?.push(String(row.uuid));
    return [...columns.values()].flat();
  }

  /**
   * The reports' GROUP BY over the calendar (issue 18): appointments per date, provider and status with
   * their booked seconds, over an inclusive date range, as a manager's report in OpenEMR would sum them.
   */
  async appointmentCounts(range: { from: string; to: string }): Promise<RowDataPacket[]> {
    const [rows] = await this.#connection.execute<RowDataPacket[]>(
      `SELECT pc_eventDate, pc_aid, pc_apptstatus, count(*) AS n, sum(pc_duration) AS seconds
       FROM openemr_postcalendar_events WHERE pc_eventDate BETWEEN ? AND ?
       GROUP BY pc_eventDate, pc_aid, pc_apptstatus`,
      [range.from, range.to],
    );
    return rows;
  }

  get providerIds(): readonly string[] {
    return this.#providerIds;
  }
}
