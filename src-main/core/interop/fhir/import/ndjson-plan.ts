import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isObject, objects, text } from './fhir-json';

/**
 * Which NDJSON files a streamed import reads, and in what order (issue 21, "a single large file").
 * A bulk export writes one file per resource type (`Patient.ndjson`, `Observation.000.ndjson`) beside a
 * manifest naming each file's type; other systems write everything into one file. Resources are brought
 * in by tier, what is pointed at first: people, then what hangs on a person, then visits and the rest,
 * so a reference to a resource further on in the stream (or in a later file) still finds it.
 */

/** Tier of each type the desk keeps; every other type (Claim, Condition …) is read in the last tier. */
const TIER: Record<string, number> = {
  Practitioner: 0,
  Patient: 0,
  // Not kept, but a Coverage's payer is named by one (PayerNames in ndjson-stream.ts).
  Organization: 0,
  Coverage: 1,
  AllergyIntolerance: 1,
  Appointment: 1,
  Encounter: 2,
  Observation: 2,
};
export const TIERS = 3;

export function tierOf(resourceType: string): number {
  return TIER[resourceType] ?? TIERS - 1;
}

export interface PlannedFile {
  path: string;
  bytes: number;
  /** The one resource type the file holds, when its name or the manifest says so; undefined when mixed. */
  resourceType: string | undefined;
}

/** A streamed import's files are refused before anything is read: this names the path and the problem. */
export class PlanError extends Error {}

const NDJSON_NAME = /\.(ndjson|jsonl)$/i;
/** `Patient.ndjson`, `Patient.000.ndjson`, `1.Patient.ndjson` (as bulk exports name them). */
const TYPED_NAME = /^(?:\d+\.)?([A-Z][A-Za-z]{1,63})(?:[._-]\d+)?\.(?:ndjson|jsonl)$/;

function typeFromName(path: string): string | undefined {
  return TYPED_NAME.exec(basename(path))?.[1];
}

/** A bulk export's manifest: `output: [{ type, url }]`, the url ending in the file's name in the folder. */
function manifestTypes(folder: string): Map<string, string> {
  const types = new Map<string, string>();
  const path = join(folder, 'manifest.json');
  if (!existsSync(path)) return types;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new PlanError(`${path} is not valid JSON`);
  }
  if (!isObject(manifest)) return types;
  for (const output of objects(manifest.output)) {
    const type = text(output.type);
    const url = text(output.url);
    if (type && url) types.set(basename(url.split('?')[0] ?? url), type);
  }
  return types;
}

function filesOf(path: string): PlannedFile[] {
  const full = resolve(path);
  if (!existsSync(full)) throw new PlanError(`${path} does not exist`);
  const stat = statSync(full);
  if (!stat.isDirectory()) return [{ path: full, bytes: stat.size, resourceType: typeFromName(full) }];
  const types = manifestTypes(full);
  const names = readdirSync(full)
    .filter((name) => NDJSON_NAME.test(name))
    .sort();
  if (names.length === 0) throw new PlanError(`${path} holds no .ndjson files`);
  return names.map((name) => {
    const file = join(full, name);
    return { path: file, bytes: statSync(file).size, resourceType: types.get(name) ?? typeFromName(file) };
  });
}

/** The files in reading order: typed files by tier (keeping the order given within one), mixed files last. */
export function planNdjson(paths: readonly string[]): PlannedFile[] {
  const files = paths.flatMap(filesOf);
  const rank = (file: PlannedFile) => (file.resourceType === undefined ? TIERS : tierOf(file.resourceType));
  return files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
    .map(({ file }) => file);
}

/** Whether the CLI should stream these paths rather than read one whole file. */
export function isStreamed(paths: readonly string[]): boolean {
  return paths.some((path) => NDJSON_NAME.test(path) || (existsSync(path) && statSync(path).isDirectory()));
}
