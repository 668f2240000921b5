import {
  BLOOD_PRESSURE_PANEL,
  toStoredVitalValue,
  VITAL_CODES,
  vitalKindFromLoinc,
  type VitalCode,
  type VitalKind,
} from '../../../../../src-shared/fhir/codes';
import { codes, isObject, num, objects, text, type Json } from './fhir-json';

/**
 * Observations the vitals form holds, by LOINC code, with UCUM units converted to the desk's (SI): the
 * codes and conversions are the ones export writes (src-shared/fhir/codes.ts).
 */

export type VitalColumn = VitalCode['column'];

/** Synthea and older exports label the blood pressure panel 55284-4; the shared table names 85354-9. */
const PANELS = new Set<string>([BLOOD_PRESSURE_PANEL.loinc, '55284-4']);

/** What the vitals table holds (its CHECKs, migration 0008) and which columns are whole numbers. */
const RANGES: Record<VitalColumn, [number, number, 'int' | 'real']> = {
  systolic_mmhg: [40, 300, 'int'],
  diastolic_mmhg: [20, 200, 'int'],
  pulse_per_min: [20, 300, 'int'],
  resp_per_min: [3, 80, 'int'],
  temperature_c: [25, 45, 'real'],
  spo2_percent: [50, 100, 'int'],
  weight_kg: [0.3, 500, 'real'],
  height_m: [0.3, 2.6, 'real'],
  bmi: [0, 1000, 'real'],
  pain: [0, 10, 'int'],
};

function measured(kind: VitalKind, holder: Json): number | 'out of range' | undefined {
  const column = VITAL_CODES[kind].column;
  const quantity = isObject(holder.valueQuantity) ? holder.valueQuantity : undefined;
  const value = num(quantity?.value) ?? num(holder.valueInteger);
  if (value === undefined) return undefined;
  const converted = toStoredVitalValue(kind, value, text(quantity?.code) ?? text(quantity?.unit));
  if (converted === null) return undefined;
  const [min, max, type] = RANGES[column];
  const stored = type === 'int' ? Math.round(converted) : Math.round(converted * 100) / 100;
  return stored >= min && stored <= max ? stored : 'out of range';
}

function loincOf(concept: unknown): string[] {
  return codes(concept)
    .filter((coding) => coding.system === undefined || coding.system === 'http://loinc.org')
    .map((coding) => coding.code);
}

/**
 * The measurements an Observation holds (none when it is not a vital sign the desk keeps), and those
 * the desk could not hold (outside the ranges the vitals table accepts).
 */
export function vitalsOf(resource: Json): { values: Partial<Record<VitalColumn, number>>; outOfRange: VitalColumn[] } {
  const found: Partial<Record<VitalColumn, number>> = {};
  const outOfRange: VitalColumn[] = [];
  const own = loincOf(resource.code);
  const holders = own.some((code) => PANELS.has(code)) ? objects(resource.component) : [resource];
  for (const holder of holders) {
    for (const code of loincOf(holder.code)) {
      const kind = vitalKindFromLoinc(code);
      if (!kind) continue;
      const column = VITAL_CODES[kind].column;
      const value = measured(kind, holder);
      if (value === 'out of range') outOfRange.push(column);
      else if (value !== undefined) found[column] = value;
    }
  }
  return { values: found, outOfRange };
}

export function observationLabel(resource: Json): string {
  const concept = isObject(resource.code) ? resource.code : undefined;
  return `${text(concept?.text) ?? loincOf(concept)[0] ?? 'Observation'} ${text(resource.effectiveDateTime) ?? ''}`.trim();
}

/** When it was measured: the effective instant (a date alone counts as that day's midnight UTC). */
export function effectiveAt(resource: Json): number | undefined {
  const raw =
    text(resource.effectiveDateTime) ??
    text(isObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined) ??
    text(resource.issued);
  if (!raw) return undefined;
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}
