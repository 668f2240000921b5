import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSchedulingClinic, RECEPTIONIST } from '../helpers/scheduling-clinic';
import { cloneDesk, deskOf, exchangeAll } from '../helpers/sync-desks';

/**
 * Run by conflicts.spec.ts as its own node process (the spec's loader cannot load the core): two desks of one
 * clinic, each its own encrypted database, book Dr Ortiz at the same time while apart, then take each
 * other's changes as the sync server hands them on; desk A's detection finds the double booking. Prints
 * desk A's data folder and key file as JSON, for `clinic serve`.
 */
const s = await openSchedulingClinic();
const a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => undefined);
const b = await cloneDesk(a, 'B');
a.core.database.handle.prepare("UPDATE sync_state SET desk_code = 'A'").run();
b.core.database.handle.prepare("UPDATE sync_state SET desk_code = 'B'").run();
await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
const odile = await s.patient('Odile', 'Marchetti');
const tobias = await s.patient('Tobias', 'Wrenfield');
await exchangeAll([a, b]);
const slot = { providerId: s.drAId, typeId: s.consultId, start: { date: '2026-11-23', time: '10:00' } };
await a.ok('desk', 'appointments.book', { ...slot, patientId: odile });
await b.ok('desk', 'appointments.book', { ...slot, patientId: tobias });
await exchangeAll([a, b]);
await exchangeAll([a, b]);
const found = await a.ok('desk', 'conflicts.list', {});
if (found.length !== 1) throw new Error(`expected one conflict on desk A, found ${found.length}`);
await b.close();
await a.core.close();
const keyFile = join(s.clinic.folder.dir, 'clinic.key');
writeFileSync(keyFile, `${s.clinic.folder.key.toString('hex')}\n`, { mode: 0o600 });
process.stdout.write(`${JSON.stringify({ dataDir: s.clinic.folder.dir, keyFile })}\n`);
