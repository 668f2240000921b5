import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import PouchFind from 'pouchdb-find';
import { foldText } from '../../../src-shared/patients/names';
import type { Dataset } from '../dataset';
import { PEER_LIMIT, type PeerPatient, type PeerQuestion } from './question';
import { readAppointments, readPatients, readTypes } from './source';

PouchDB.plugin(PouchFind);

/**
 * The HospitalRun-style peer: PouchDB on its LevelDB adapter on disk, one database per kind of
 * record as HospitalRun 2 keeps them, pouchdb-find (Mango) queries over the indexes an app like it
 * creates: folded last and first names, the patient code, date of birth, phone (and its last seven
 * digits, for tail searches); appointments by start. Built once per dataset, reused after.
 */

interface PatientDoc {
  _id: string;
  code: string;
  firstName: string;
  lastName: string;
  firstNameLower: string;
  lastNameLower: string;
  dateOfBirth: string;
  phoneNumber: string | null;
  phoneTail: string | null;
}

interface AppointmentDoc {
  _id: string;
  patient: string;
  provider: string;
  type: string;
  startDateTime: string;
  endDateTime: string;
  status: string;
  reason: string | null;
}

const HIGH = '\uffff';
const INDEXES = {
  patients: [['lastNameLower'], ['firstNameLower'], ['code'], ['dateOfBirth'], ['phoneNumber'], ['phoneTail']],
  appointments: [['startDateTime']],
};

export class PouchPeer {
  readonly #patients: PouchDB.Database<PatientDoc>;
  readonly #appointments: PouchDB.Database<AppointmentDoc>;
  readonly #typeNames: Map<string, string>;

  private constructor(dir: string, typeNames: Map<string, string>) {
    this.#patients = new PouchDB<PatientDoc>(join(dir, 'patients'), { adapter: 'leveldb' });
    this.#appointments = new PouchDB<AppointmentDoc>(join(dir, 'appointments'), { adapter: 'leveldb' });
    this.#typeNames = typeNames;
  }

  static async open(dataset: Dataset, marker: string, log: (line: string) => void): Promise<PouchPeer> {
    const dir = join(dataset.dir, 'pouchdb');
    const ready = join(dir, 'ready.json');
    const typeNames = new Map(readTypes(dataset.plain).map((t) => [t.id, t.name]));
    const fresh = !(existsSync(ready) && readFileSync(ready, 'utf8') === marker);
    if (fresh) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
    const peer = new PouchPeer(dir, typeNames);
    if (fresh) {
      await peer.#load(dataset, log);
      writeFileSync(ready, marker);
    }
    return peer;
  }

  async close(): Promise<void> {
    await this.#patients.close();
    await this.#appointments.close();
  }

  async #load(dataset: Dataset, log: (line: string) => void): Promise<void> {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    log(`PouchDB: loading ${dataset.patients} patients and ${dataset.appointments} appointments (LevelDB on disk) ...`);
    let patients = 0;
    for (const batch of readPatients(dataset.plain, 2000)) {
      await this.#patients.bulkDocs(batch.map(patientDoc));
      patients += batch.length;
    }
    log(`  PouchDB: ${patients} patients in ${seconds()} s`);
    let appointments = 0;
    for (const batch of readAppointments(dataset.plain, 2000)) {
      await this.#appointments.bulkDocs(
        batch.map((a) => ({
          _id: a.id,
          patient: a.patientId,
          provider: a.providerId,
          type: a.typeId,
          startDateTime: new Date(a.start).toISOString(),
          endDateTime: new Date(a.end).toISOString(),
          status: a.status,
          reason: a.reason,
        })),
      );
      appointments += batch.length;
      if (appointments % 100_000 < 2000) log(`  PouchDB: ${appointments} appointments in ${seconds()} s`);
    }
    // Mango builds an index on its first use: build each now, so that no timed query pays for it.
    for (const fields of INDEXES.patients) {
      await this.#patients.createIndex({ index: { fields, ddoc: `by-${fields.join('-')}` } });
      await this.#patients.find({
        selector: { [fields[0] ?? '']: { $gt: null } },
        use_index: `by-${fields.join('-')}`,
        limit: 1,
      });
    }
    log(`  PouchDB: patient indexes built at ${seconds()} s`);
    for (const fields of INDEXES.appointments) {
      await this.#appointments.createIndex({ index: { fields, ddoc: `by-${fields.join('-')}` } });
      await this.#appointments.find({
        selector: { [fields[0] ?? '']: { $gt: null } },
        use_index: `by-${fields.join('-')}`,
        limit: 1,
      });
    }
    log(`  PouchDB: loaded and indexed in ${seconds()} s`);
  }

  async #find(selector: PouchDB.Find.Selector, index: string, sort?: string): Promise<PatientDoc[]> {
    const result = await this.#patients.find({
      selector,
      use_index: `by-${index}`,
      limit: PEER_LIMIT,
      ...(sort ? { sort: [{ [sort]: 'asc' as const }] } : {}),
    });
    return result.docs;
  }

  async searchPatients(question: PeerQuestion): Promise<PeerPatient[]> {
    const range = (text: string) => {
      const folded = foldText(text);
      return { $gte: folded, $lt: folded + HIGH };
    };
    let docs: PatientDoc[];
    switch (question.kind) {
      case 'name': {
        // Mango has no OR across two indexes: last names first, then first names, without repeats.
        const byLast = await this.#find({ lastNameLower: range(question.prefix) }, 'lastNameLower', 'lastNameLower');
        const seen = new Set(byLast.map((d) => d._id));
        docs = byLast;
        if (docs.length < PEER_LIMIT) {
          const byFirst = await this.#find(
            { firstNameLower: range(question.prefix) },
            'firstNameLower',
            'firstNameLower',
          );
          docs = [...docs, ...byFirst.filter((d) => !seen.has(d._id))].slice(0, PEER_LIMIT);
        }
        break;
      }
      case 'first-last':
        docs = await this.#find(
          { lastNameLower: range(question.last), firstNameLower: range(question.first) },
          'lastNameLower',
          'lastNameLower',
        );
        break;
      case 'phone':
        docs = question.whole
          ? await this.#find({ phoneNumber: question.digits }, 'phoneNumber')
          : await this.#find({ phoneTail: question.digits }, 'phoneTail');
        break;
      case 'mrn':
        docs = await this.#find({ code: question.mrn }, 'code');
        break;
      case 'dob':
        docs = await this.#find({ dateOfBirth: question.dob }, 'dateOfBirth');
        break;
      case 'none':
        return [];
    }
    return docs.map((d) => ({
      id: d._id,
      mrn: d.code,
      firstName: d.firstName,
      lastName: d.lastName,
      dob: d.dateOfBirth,
      phone: d.phoneNumber,
    }));
  }

  /** The day's appointments by start range, the providers filtered, patients fetched by key: ids in column order. */
  async day(dayStart: number, dayEnd: number, providerIds: readonly string[]): Promise<string[]> {
    const result = await this.#appointments.find({
      selector: {
        startDateTime: { $gte: new Date(dayStart).toISOString(), $lt: new Date(dayEnd).toISOString() },
        provider: { $in: [...providerIds] },
        status: { $ne: 'cancelled' },
      },
      use_index: 'by-startDateTime',
      limit: 100_000,
    });
    const patients = await this.#patients.allDocs({
      keys: [...new Set(result.docs.map((d) => d.patient))],
      include_docs: true,
    });
    const names = new Map<string, string>();
    for (const row of patients.rows)
      if ('doc' in row && row.doc) names.set(row.id, `${row.doc.lastName}, ${row.doc.firstName}`);
    const columns = new Map<string, { id: string; start: string; label: string }[]>(providerIds.map((id) => [id, []]));
    for (const doc of result.docs) {
      columns.get(doc.provider)?.push({
        id: doc._id,
        start: doc.startDateTime,
        label: `${names.get(doc.patient) ?? ''} ${this.#typeNames.get(doc.type) ?? ''}`,
      });
    }
    return [...columns.values()].flatMap((column) =>
      column
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((a) => a.id),
    );
  }
}

function patientDoc(p: PeerPatient): PatientDoc {
  return {
    _id: p.id,
    code: p.mrn,
    firstName: p.firstName,
    lastName: p.lastName,
    firstNameLower: foldText(p.firstName),
    lastNameLower: foldText(p.lastName),
    dateOfBirth: p.dob,
    phoneNumber: p.phone,
    phoneTail: p.phone ? p.phone.slice(-7) : null,
  };
}
