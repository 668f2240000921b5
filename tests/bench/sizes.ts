import type { BenchmarkResult } from './harness';

/**
 * The bench's sizes (`--size quick|full|xl`, `--quick` standing for `--size quick`) and the growth
 * report between them (issue 22, "Scale"): the same search and day-view figures at two sizes, their
 * ratio, and the database's size and the main process's resident set at each. Pure: the runner
 * reads and writes the files.
 */

export type SizeName = 'quick' | 'full' | 'xl';

export interface Size {
  name: SizeName;
  patients: number;
  appointments: number;
  /** Rounds when --rounds is not given. */
  rounds: number;
  /** Seeds no billing or stock: what the growth figures (search, day view) and the RSS need, no more. */
  patientsAndAppointmentsOnly: boolean;
}

/**
 * Billing follows the appointments (an invoice for each completed one), stock the patients (stockSize).
 * xl seeds patients and appointments only: billing and stock are three quarters of the full size's
 * 12.5 min of seeding on the 2-core machine, so ten times them would be over an hour and a half.
 */
export const SIZES: Record<SizeName, Size> = {
  quick: { name: 'quick', patients: 10_000, appointments: 100_000, rounds: 5, patientsAndAppointmentsOnly: false },
  full: { name: 'full', patients: 100_000, appointments: 1_000_000, rounds: 7, patientsAndAppointmentsOnly: false },
  xl: { name: 'xl', patients: 1_000_000, appointments: 10_000_000, rounds: 7, patientsAndAppointmentsOnly: true },
};

const ORDER: SizeName[] = ['quick', 'full', 'xl'];

/** `--size` and `--quick` together: one size, or an error saying why not. */
export function pickSize(size: string | undefined, quick: boolean): Size {
  if (size === undefined) return quick ? SIZES.quick : SIZES.full;
  if (!ORDER.includes(size as SizeName)) throw new Error(`--size must be one of ${ORDER.join(', ')}, not ${size}`);
  if (quick && size !== 'quick') throw new Error(`--quick is --size quick: it cannot go with --size ${size}`);
  return SIZES[size as SizeName];
}

function count(value: number, noun: string): string {
  if (value >= 1_000_000 && value % 1_000_000 === 0) return `${value / 1_000_000}M ${noun}`;
  if (value % 1000 === 0) return `${value / 1000}k ${noun}`;
  return `${value} ${noun}`;
}

/** "100k patients", "1M patients": the dataset label results are filed under. */
export function patientsLabel(patients: number): string {
  return count(patients, 'patients');
}

export function appointmentsLabel(appointments: number): string {
  return count(appointments, 'appointments');
}

/** What one run at a size leaves beside its figures. */
export interface SizeRecord {
  size: SizeName;
  patients: number;
  appointments: number;
  /** The encrypted clinic file (and its write-ahead log), bytes. */
  databaseBytes: number;
  /** The bench process (it hosts the core, as the main process does) after the suites, bytes; null
   * when no run at this size has measured it without seeding in its own process. */
  rssBytes: number | null;
  /** Its peak over the run, bytes. */
  peakRssBytes: number | null;
  measured_at: string;
  /** When the memory figures were taken, where earlier than `measured_at` (kept from an earlier run). */
  memoryMeasuredAt?: string;
}

/**
 * The record a run leaves for its size. A run that seeded the data in its own process still holds
 * the seeding's memory (gigabytes at full size): its RSS says nothing of a clinic's main process, so
 * the memory figures are those of the last run at this size that did not seed, or none.
 */
export function sizeRecordAfter(
  previous: SizeRecord | undefined,
  measured: SizeRecord,
  seededInRun: boolean,
): SizeRecord {
  if (!seededInRun) return measured;
  if (!previous || previous.rssBytes === null) return { ...measured, rssBytes: null, peakRssBytes: null };
  return {
    ...measured,
    rssBytes: previous.rssBytes,
    peakRssBytes: previous.peakRssBytes,
    memoryMeasuredAt: previous.memoryMeasuredAt ?? previous.measured_at,
  };
}

function memoryLine(record: SizeRecord): string {
  if (record.rssBytes === null || record.peakRssBytes === null)
    return 'main process RSS not measured yet (the runs recorded seeded their data in the same process)';
  const kept = record.memoryMeasuredAt ? ` measured ${record.memoryMeasuredAt.slice(0, 10)}` : '';
  return `main process RSS ${mib(record.rssBytes)} (peak ${mib(record.peakRssBytes)})${kept}`;
}

/** The figures compared between sizes: the search and the day view, in the core and on screen. */
export const GROWTH_NAMES = ['patients.search', 'appointments.day', 'ui.dayView'] as const;

/** Full to xl (ten times the data): a search or day view may take at most 1.3 times as long. */
export const GROWTH_LIMIT = 1.3;

export interface GrowthRow {
  name: string;
  from: SizeName;
  to: SizeName;
  fromP50: number;
  toP50: number;
  /** The day each side was measured (stored figures may be older than the code): '' when not recorded. */
  fromDay: string;
  toDay: string;
  ratio: number;
  /** Only between full and xl, where the issue sets one. */
  limit: number | null;
  /**
   * Both sides measured on this machine since its last start (the same boot id), or both stored before
   * the bench recorded one. Sessions' machines differ by up to 2× in speed with the same CPU name, so
   * a ratio across machines says nothing about growth: it is shown, never judged.
   */
  sameMachine: boolean;
  missed: boolean;
}

/** The label a result of this name was filed under at this size. */
function labelAt(name: string, size: Size): string {
  return name.startsWith('appointments.') ? appointmentsLabel(size.appointments) : patientsLabel(size.patients);
}

/**
 * The growth of every search and day-view figure present at both sizes. The p50 is compared, not the
 * p95: data ten times larger moves the typical call, and the tail of a loaded machine hides it.
 */
type GrowthInput = Pick<BenchmarkResult, 'name' | 'dataset' | 'ours'> & {
  measured_at?: string;
  machine?: { boot?: string };
};

export function growth(results: GrowthInput[], from: Size, to: Size): GrowthRow[] {
  const limit = from.name === 'full' && to.name === 'xl' ? GROWTH_LIMIT : null;
  const rows: GrowthRow[] = [];
  const names = [...new Set(results.map((result) => result.name))]
    .filter((name) => GROWTH_NAMES.some((prefix) => name.startsWith(prefix)))
    .sort();
  for (const name of names) {
    const before = results.find((result) => result.name === name && result.dataset === labelAt(name, from));
    const after = results.find((result) => result.name === name && result.dataset === labelAt(name, to));
    if (!before || !after || before.ours.p50 <= 0) continue;
    const ratio = after.ours.p50 / before.ours.p50;
    const sameMachine = (before.machine?.boot ?? '') === (after.machine?.boot ?? '');
    rows.push({
      name,
      from: from.name,
      to: to.name,
      fromP50: before.ours.p50,
      toP50: after.ours.p50,
      fromDay: before.measured_at?.slice(0, 10) ?? '',
      toDay: after.measured_at?.slice(0, 10) ?? '',
      ratio,
      limit,
      sameMachine,
      missed: sameMachine && limit !== null && ratio > limit,
    });
  }
  return rows;
}

/** Bytes of database per 100k patients: how the file grows with the clinic. */
export function databasePer100k(record: Pick<SizeRecord, 'databaseBytes' | 'patients'>): number {
  return (record.databaseBytes / record.patients) * 100_000;
}

const measuredOn = (day: string) => (day === '' ? '' : ` (${day})`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * The report printed after a run: each size recorded (database, per 100k patients, RSS), then the
 * growth between neighbouring sizes. `failed` when full to xl missed its limit, the run at hand was
 * one of the two (an old xl record does not fail a quick run) and, when `measuredNow` names the
 * figures this run measured, a figure that missed is one of them (`--only booking` is not failed by a
 * stored search figure it did not touch).
 */
export function growthReport(
  results: GrowthInput[],
  records: SizeRecord[],
  current: SizeName,
  measuredNow?: ReadonlySet<string>,
): { lines: string[]; failed: boolean } {
  const lines: string[] = ['Sizes:'];
  for (const name of ORDER) {
    const record = records.find((candidate) => candidate.size === name);
    if (!record) {
      lines.push(`  ${name}: not measured here`);
      continue;
    }
    lines.push(
      `  ${name} (${patientsLabel(record.patients)}, ${appointmentsLabel(record.appointments)}${SIZES[name].patientsAndAppointmentsOnly ? ', no billing or stock' : ''}): database ${mib(record.databaseBytes)}` +
        ` (${mib(databasePer100k(record))} per 100k patients), ${memoryLine(record)}, ${record.measured_at.slice(0, 10)}`,
    );
  }
  let failed = false;
  for (let i = 0; i + 1 < ORDER.length; i += 1) {
    const from = SIZES[ORDER[i] as SizeName];
    const to = SIZES[ORDER[i + 1] as SizeName];
    const rows = growth(results, from, to);
    if (rows.length === 0) {
      lines.push(`Growth ${from.name} to ${to.name}: no figures at both sizes`);
      continue;
    }
    lines.push(`Growth ${from.name} to ${to.name} (p50, ten times the data):`);
    for (const row of rows) {
      const verdict =
        row.limit === null
          ? ''
          : !row.sameMachine
            ? ` not judged: the two sizes were measured on different machines (or across a restart); measure both in one session`
            : row.missed
              ? ` GROWTH MISSED (limit ${row.limit}x)`
              : ` met (limit ${row.limit}x)`;
      lines.push(
        `  ${row.name}: ${row.fromP50.toFixed(2)}${measuredOn(row.fromDay)} -> ${row.toP50.toFixed(2)}${measuredOn(row.toDay)} ms, ${row.ratio.toFixed(2)}x${verdict}`,
      );
    }
    const missedNow = rows.some((row) => row.missed && (measuredNow?.has(row.name) ?? true));
    if (missedNow && (current === from.name || current === to.name)) {
      failed = true;
      lines.push(`GROWTH MISSED: ${from.name} to ${to.name} grew more than ${GROWTH_LIMIT}x`);
    }
  }
  return { lines, failed };
}
