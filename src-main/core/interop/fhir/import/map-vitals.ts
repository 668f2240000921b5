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

function measured(column: VitalColumn, holder: Json): number | undefined {
  const quantity = isObject(holder.valueQuantity) ? holder.valueQuantity : undefined;
  const value = num(quantity?.value) ?? num(holder.valueInteger);
  if (value === undefined) return undefined;
  return convert(column, value, text(quantity?.code) ?? text(quantity?.unit));
}

function loincOf(concept: unknown): string[] {
  return codes(concept)
    .filter((coding) => coding.system === undefined || coding.system === 'http://loinc.org')
    .map((coding) => coding.code);
}

/** The measurements an Observation holds, or none when it is not a vital sign the desk keeps. */
export function vitalsOf(resource: Json): Partial<Record<VitalColumn, number>> {
  const found: Partial<Record<VitalColumn, number>> = {};
  const own = loincOf(resource.code);
  const holders = own.some((code) => PANELS.has(code)) ? objects(resource.component) : [resource];
  for (const holder of holders) {
    for (const code of loincOf(holder.code)) {
      const column = VITAL_LOINC[code];
      const value = column ? measured(column, holder) : undefined;
      if (column && value !== undefined) found[column] = value;
    }
  }
  return found;
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
