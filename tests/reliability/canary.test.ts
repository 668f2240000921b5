import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { signInNurse } from '../helpers/scheduling-clinic';

/**
 * Canary values typed through the procedures the screens call (registration, alert, allergy, insurance,
 * intake, payment), then a search of everything Front Desk wrote to disk or printed (the data folder,
 * the backup folder, temp files made during the run, the log) for any of them in plaintext, as UTF-8 or
 * UTF-16. None of these writes makes a plaintext export, so none may be found anywhere.
 */
// Made at run time: the test's own source (which vitest caches, transformed, under the temp folder) must
// not hold the values it searches for.
const token = randomBytes(5).toString('hex');
const CANARIES = {
  firstName: `Qzfirst${token}`,
  alert: `Qzalert${token} note`,
  allergy: `Qzallergen${token}`,
  memberId: `QZMEMBER${token.toUpperCase()}`,
  complaint: `Qzcomplaint${token} pain`,
  reference: `QZREF${token.toUpperCase()}`,
};
const NEEDLES = Object.values(CANARIES).map((value) => value.split(' ')[0] ?? value);

function filesUnder(dir: string, since: number, found: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue; // another test's file, gone since the listing
    }
    if (stat.isDirectory()) filesUnder(path, since, found);
    else if (stat.isFile() && stat.mtimeMs >= since) found.push(path);
  }
  return found;
}

/** Which needles a buffer holds in plaintext (UTF-8 or UTF-16, any case). */
function plaintextIn(bytes: Buffer): string[] {
  const texts = [bytes.toString('latin1').toLowerCase(), bytes.toString('utf16le').toLowerCase()];
  return NEEDLES.filter((needle) => texts.some((text) => text.includes(needle.toLowerCase())));
}

const WINDOW = 32 * 1024 * 1024;
/** Longer than any needle in UTF-16, and even, so a UTF-16 needle across two windows is whole in one. */
const OVERLAP = 256;

/**
 * A file's needles, read a window at a time: another process's temp file (a benchmark's data set) may be
 * larger than a string can be.
 */
function plaintextInFile(path: string): string[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return []; // another test's file, gone since the listing
  }
  const found = new Set<string>();
  try {
    const window = Buffer.alloc(WINDOW);
    for (let position = 0; ; position += WINDOW - OVERLAP) {
      const read = readSync(fd, window, 0, WINDOW, position);
      for (const needle of plaintextIn(window.subarray(0, read))) found.add(needle);
      if (read < WINDOW) break;
    }
  } finally {
    closeSync(fd);
  }
  return [...found];
}

let b: BillingClinic;
let backupDir: string;
let started: number;
const logged: string[] = [];

beforeAll(async () => {
  started = Date.now() - 1000;
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    });
  }
  b = await openBillingClinic();
  backupDir = mkdtempSync(join(tmpdir(), 'front-desk-canary-backup-'));
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  rmSync(backupDir, { recursive: true, force: true });
});

describe('canary: patient data never reaches the disk or the log in plaintext', () => {
  it('finds a canary when it is there (the search works)', () => {
    const probe = join(backupDir, 'probe.txt');
    writeFileSync(probe, Buffer.from(`x ${CANARIES.allergy} y`, 'utf16le'));
    expect(plaintextIn(readFileSync(probe))).toEqual([NEEDLES[2]]);
    rmSync(probe);
  });

  it('after registration, intake, payment and a backup, no file written and no log line holds one', async () => {
    const { patientId, visitId } = await b.visit(CANARIES.firstName);
    const { clinic } = b;
    await clinic.ok('desk', 'patients.addAlert', { patientId, kind: 'administrative', text: CANARIES.alert });
    await clinic.ok('desk', 'patients.addAllergy', { patientId, substance: CANARIES.allergy, severity: 'mild' });
    await clinic.ok('desk', 'patients.addInsurance', {
      patientId,
      payer: 'Acme Health',
      memberId: CANARIES.memberId,
      priority: 'primary',
    });
    await signInNurse(clinic);
    await clinic.ok('nurse', 'vitals.record', {
      patientId,
      visitId,
      units: { temperature: 'C', system: 'metric' },
      pulse: 72,
      chiefComplaint: CANARIES.complaint,
    });
    await b.openDrawerOnce();
    await clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 2000,
      methodId: b.methods.card,
      reference: CANARIES.reference,
      visitId,
    });
    const run = await clinic.ok('admin', 'backups.runNow', { folder: backupDir });
    expect(run.verified).toBe(true);
    // Closing checkpoints the write-ahead log into the database: both states of the file are searched.
    const live = filesUnder(clinic.folder.dir, started);
    const whileOpen = new Map(live.map((path) => [path, plaintextInFile(path)]));
    await clinic.core.close();

    const written = [...new Set([...filesUnder(tmpdir(), started), ...filesUnder(backupDir, started)])];
    expect(written.some((path) => path.startsWith(clinic.folder.dir))).toBe(true);
    expect(written.some((path) => path.startsWith(backupDir) && path.endsWith('.db'))).toBe(true);
    const leaks = written.flatMap((path) => plaintextInFile(path).map((needle) => `${needle} in ${path}`));
    for (const [path, needles] of whileOpen) leaks.push(...needles.map((needle) => `${needle} in ${path} (open)`));
    leaks.push(...logged.flatMap((line) => plaintextIn(Buffer.from(line)).map((needle) => `${needle} in the log`)));
    expect(leaks).toEqual([]);
    clinic.folder.remove();
    // It reads every file the whole run wrote since it began (the other fork's too): more than 30 s under load.
  }, 120_000);
});
