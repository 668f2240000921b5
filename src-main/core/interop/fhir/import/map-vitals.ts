import { codes, isObject, num, objects, text, type Json } from './fhir-json';

/** Observations the vitals form holds, by LOINC code, with UCUM units converted to the desk's (SI). */

export type VitalColumn =
  | 'systolic_mmhg'
  | 'diastolic_mmhg'
  | 'pulse_per_min'
  | 'resp_per_min'
  | 'temperature_c'
  | 'spo2_percent'
  | 'weight_kg'
  | 'height_m'
  | 'bmi'
  | 'pain';

export const VITAL_LOINC: Record<string, VitalColumn> = {
  '8480-6': 'systolic_mmhg',
  '8462-4': 'diastolic_mmhg',
  '8867-4': 'pulse_per_min',
  '9279-1': 'resp_per_min',
  '8310-5': 'temperature_c',
  '59408-5': 'spo2_percent',
  '2708-6': 'spo2_percent',
  '29463-7': 'weight_kg',
  '8302-2': 'height_m',
  '39156-5': 'bmi',
  '72514-3': 'pain',
};
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

/** Panels whose components are the measurements (blood pressure). */
const PANELS = new Set(['85354-9', '55284-4']);

/** To the desk's unit from the UCUM code given; undefined when the unit is one it cannot read. */
function convert(column: VitalColumn, value: number, unit: string | undefined): number | undefined {
  switch (column) {
    case 'temperature_c':
      if (unit === '[degF]') return Math.round(((value - 32) * 5) / 9 * 10) / 10;
      return unit === undefined || unit === 'Cel' ? value : undefined;
    case 'weight_kg':
      if (unit === '[lb_av]') return Math.round(value * 0.45359237 * 100) / 100;
      if (unit === 'g') return value / 1000;
      return unit === undefined || unit === 'kg' ? Math.round(value * 100) / 100 : undefined;
    case 'height_m':
      if (unit === 'cm') return Math.round(value) / 100;
      if (unit === '[in_i]') return Math.round(value * 2.54) / 100;
      return unit === undefined || unit === 'm' ? value : undefined;
    default:
      return Math.round(value * 10) / 10;
  }
}

function measured(column: VitalColumn, holder: Json): number | 'out of range' | undefined {
  const quantity = isObject(holder.valueQuantity) ? holder.valueQuantity : undefined;
  const value = num(quantity?.value) ?? num(holder.valueInteger);
  if (value === undefined) return undefined;
  const converted = convert(column, value, text(quantity?.code) ?? text(quantity?.unit));
  if (converted === undefined) return undefined;
  const [min, max, kind] = RANGES[column];
  const stored = kind === 'int' ? Math.round(converted) : converted;
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
      const column = VITAL_LOINC[code];
      const value = column ? measured(column, holder) : undefined;
      if (column && value === 'out of range') outOfRange.push(column);
      else if (column && value !== undefined) found[column] = value;
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
  const raw = text(resource.effectiveDateTime) ?? text(isObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined) ?? text(resource.issued);
  if (!raw) return undefined;
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}
