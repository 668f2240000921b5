import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MAX_FHIR_FILE_CHARS } from '../../../../../src-shared/interop/fhir-import';
import { isObject, objects, text, type Json } from './fhir-json';
import { tierOf, TIERS, type PlannedFile } from './ndjson-plan';

/**
 * Reads NDJSON files line by line (node:readline over a file stream, which pauses the file while
 * lines wait) and cuts them into batches small enough for one import call and one transaction: memory
 * holds one batch, never the file. A line that cannot be read is reported by file and line number and
 * left out; the rest goes on. Before an import, `findBadLines` reads every file once so that a file with
 * such lines can be refused whole, nothing imported, unless the person asked to leave them out.
 */

export interface Batch {
  path: string;
  /** The batch as NDJSON text: what interop.importFhir reads. */
  text: string;
  /** The file's line number of each of the batch's lines, in order (the import reports batch lines). */
  lineNumbers: number[];
}

export interface BadLine {
  path: string;
  line: number;
  problem: string;
}

export interface StreamProgress {
  /** Bytes of the lines taken so far (each line once, in its tier's reading), and of all the files. */
  bytesDone: number;
  bytesTotal: number;
  linesRead: number;
}

export interface StreamOptions {
  /** Resources per batch (default 2,000) and characters per batch (default 3 MiB, under the call's cap). */
  maxLines?: number;
  maxChars?: number;
  onBadLine: (bad: BadLine) => void;
}

/** `{"resourceType":"X"` at the start of a line: the type without parsing what the pass does not take. */
const LEADING_TYPE = /^\s*\{\s*"resourceType"\s*:\s*"([A-Za-z]+)"/;

type Parsed = { ok: true; type: string; subject: string | undefined; value: Json } | { ok: false; problem: string };

/** The checks read-file.ts makes of an NDJSON line, so that no batch is refused as a whole. */
function parseLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'is not valid JSON' };
  }
  if (!isObject(value)) return { ok: false, problem: 'is not a FHIR resource (not a JSON object)' };
  const type = text(value.resourceType);
  if (!type || !/^[A-Z][A-Za-z]{1,63}$/.test(type)) return { ok: false, problem: 'has no resourceType' };
  if (type === 'Bundle') return { ok: false, problem: 'is a Bundle: import it as a file of its own' };
  if (value.id !== undefined && typeof value.id !== 'string')
    return { ok: false, problem: 'has an id that is not a string' };
  const subject = isObject(value.subject) ? text(value.subject.reference) : undefined;
  return { ok: true, type, subject, value };
}

/**
 * A Coverage names its payer by reference; in a Bundle the import reads the Organization beside it, but
 * a bulk export keeps Organizations in a file of their own, in another batch. Their names are kept
 * (read first, with the people) and written into the Coverage's payor reference as its display.
 */
class PayerNames {
  private readonly names = new Map<string, string>();

  note(value: Json): void {
    const id = text(value.id);
    const name = text(value.name);
    if (id && name && this.names.size < 200_000) this.names.set(`Organization/${id}`, name);
  }

  /** The line with each payor's display filled in from the Organization, when it had none. */
  fill(value: Json, line: string): string {
    let changed = false;
    for (const payor of objects(value.payor)) {
      const reference = text(payor.reference);
      const name = reference ? this.names.get(reference.replace(/^.*\/(Organization\/[^/]+)$/, '$1')) : undefined;
      if (name && !text(payor.display)) {
        payor.display = name;
        changed = true;
      }
    }
    return changed ? JSON.stringify(value) : line;
  }
}

/** What progress is counted against: every line once, whichever reading of its file takes it. */
export function bytesToRead(files: readonly PlannedFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}

/**
 * The batches of every file, tier by tier: practitioners and patients of all files first, then
 * insurance, allergies and appointments, then visits, vitals and the rest.
 */
export async function* ndjsonBatches(
  files: readonly PlannedFile[],
  progress: StreamProgress,
  options: StreamOptions,
): AsyncGenerator<Batch> {
  const maxLines = options.maxLines ?? 2_000;
  // A batch grows past its size to keep a patient's vitals together, never past what one call takes.
  const hardChars = MAX_FHIR_FILE_CHARS - 64 * 1024;
  const maxChars = Math.min(options.maxChars ?? 3 * 1024 * 1024, hardChars);
  const payers = new PayerNames();
  for (let tier = 0; tier < TIERS; tier += 1) {
    for (const file of files) {
      if (file.resourceType !== undefined && tierOf(file.resourceType) !== tier) continue;
      let lines: string[] = [];
      let numbers: number[] = [];
      let chars = 0;
      let lastSubject: string | undefined;
      const input = createReadStream(file.path, { encoding: 'utf8' });
      const reader = createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const raw of reader) {
        lineNumber += 1;
        // Each line counts once towards progress, in the reading that takes it (a mixed file's other
        // readings skim it): so the share done, and the time left, follow the work, not the skimming.
        const counted = () => {
          progress.bytesDone += Buffer.byteLength(raw) + 1;
          progress.linesRead += 1;
        };
        const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        const leading = file.resourceType ?? LEADING_TYPE.exec(line)?.[1];
        if (line.trim() === '' || (leading !== undefined && tierOf(leading) !== tier)) {
          if (line.trim() === '' && (file.resourceType !== undefined || tier === 0)) counted();
          continue;
        }
        const parsed: Parsed =
          line.length > hardChars
            ? { ok: false, problem: `is longer than the ${MAX_FHIR_FILE_CHARS / 1024 / 1024} MiB one resource may be` }
            : parseLine(line);
        if (!parsed.ok) {
          // A mixed file is read once per tier: a line whose type could not be seen is parsed in each, told once.
          if (leading !== undefined || tier === 0) {
            counted();
            options.onBadLine({ path: file.path, line: lineNumber, problem: parsed.problem });
          }
          continue;
        }
        if (parsed.type === 'Organization' && tier === 0) payers.note(parsed.value);
        if (tierOf(parsed.type) !== tier) continue;
        counted();
        const taken = parsed.type === 'Coverage' ? payers.fill(parsed.value, line) : line;
        // A patient's vitals of one moment are one entry: a batch is not cut between their Observations.
        const sameGroup =
          parsed.type === 'Observation' && parsed.subject !== undefined && parsed.subject === lastSubject;
        const full = lines.length >= maxLines || chars + taken.length + 1 > maxChars;
        const overfull = lines.length >= maxLines * 2 || chars + taken.length + 1 > hardChars;
        if (lines.length > 0 && (overfull || (full && !sameGroup))) {
          yield { path: file.path, text: lines.join('\n'), lineNumbers: numbers };
          lines = [];
          numbers = [];
          chars = 0;
        }
        lines.push(taken);
        numbers.push(lineNumber);
        chars += taken.length + 1;
        lastSubject = parsed.type === 'Observation' ? parsed.subject : undefined;
      }
      if (lines.length > 0) yield { path: file.path, text: lines.join('\n'), lineNumbers: numbers };
    }
  }
}

/**
 * Every line of the files that the import could not read, each file read once (a pass the import makes
 * before its first batch: a malformed file is refused with its lines, nothing half-imported).
 */
export async function findBadLines(files: readonly PlannedFile[], onBadLine: (bad: BadLine) => void): Promise<number> {
  const hardChars = MAX_FHIR_FILE_CHARS - 64 * 1024;
  let count = 0;
  for (const file of files) {
    const reader = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const raw of reader) {
      lineNumber += 1;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const parsed: Parsed =
        line.length > hardChars
          ? { ok: false, problem: `is longer than the ${MAX_FHIR_FILE_CHARS / 1024 / 1024} MiB one resource may be` }
          : parseLine(line);
      if (parsed.ok) continue;
      count += 1;
      onBadLine({ path: file.path, line: lineNumber, problem: parsed.problem });
    }
  }
  return count;
}
