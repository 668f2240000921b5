/**
 * Vital signs: units, conversion to what is stored (SI: °C, kg, m), BMI, and the limits that make a
 * value impossible (refused) or implausible (kept only when the nurse confirms it). Pure, so the
 * intake screen shows the same BMI and warnings core enforces.
 */

export type TemperatureUnit = 'C' | 'F';
export type MeasurementSystem = 'metric' | 'imperial';

export const VITAL_FIELDS = [
  'systolic',
  'diastolic',
  'pulse',
  'respRate',
  'temperature',
  'spo2',
  'weight',
  'height',
  'pain',
] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

/** What is stored, in SI units; a missing measurement is null. */
export interface VitalsSI {
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  respRate: number | null;
  temperatureC: number | null;
  spo2: number | null;
  weightKg: number | null;
  heightM: number | null;
  pain: number | null;
}

export interface Limits {
  /** Outside [min, max]: cannot be a living person's value, refused. */
  impossible: readonly [number, number];
  /** Outside [min, max] but possible: saved only with confirmation. */
  plausible: readonly [number, number];
  unit: string;
  label: string;
}

/** In SI units. Sources: physiological extremes with margin; the plausible band is an adult clinic's usual range. */
export const LIMITS: Record<Exclude<VitalField, 'pain'>, Limits> = {
  systolic: { impossible: [40, 300], plausible: [70, 220], unit: 'mmHg', label: 'Systolic blood pressure' },
  diastolic: { impossible: [20, 200], plausible: [40, 130], unit: 'mmHg', label: 'Diastolic blood pressure' },
  pulse: { impossible: [20, 300], plausible: [40, 180], unit: '/min', label: 'Pulse' },
  respRate: { impossible: [3, 80], plausible: [8, 40], unit: '/min', label: 'Respiratory rate' },
  temperature: { impossible: [25, 45], plausible: [34, 41], unit: '°C', label: 'Temperature' },
  spo2: { impossible: [50, 100], plausible: [85, 100], unit: '%', label: 'SpO2' },
  weight: { impossible: [0.3, 500], plausible: [2, 250], unit: 'kg', label: 'Weight' },
  height: { impossible: [0.3, 2.6], plausible: [0.45, 2.2], unit: 'm', label: 'Height' },
};

export const LB_PER_KG = 2.204_622_621_8;
export const M_PER_INCH = 0.0254;

export const fahrenheitToCelsius = (f: number): number => ((f - 32) * 5) / 9;
export const celsiusToFahrenheit = (c: number): number => (c * 9) / 5 + 32;
export const poundsToKg = (lb: number): number => lb / LB_PER_KG;
export const kgToPounds = (kg: number): number => kg * LB_PER_KG;
export const inchesToMetres = (inches: number): number => inches * M_PER_INCH;
export const metresToInches = (m: number): number => m / M_PER_INCH;

const round = (value: number, places: number): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** What the form sends: temperature in the clinic's unit, weight in kg or lb, height in cm or inches. */
export interface VitalsEntry {
  systolic?: number | null;
  diastolic?: number | null;
  pulse?: number | null;
  respRate?: number | null;
  temperature?: number | null;
  spo2?: number | null;
  weight?: number | null;
  height?: number | null;
  pain?: number | null;
}

export interface Units {
  temperature: TemperatureUnit;
  system: MeasurementSystem;
}

const orNull = (value: number | null | undefined): number | null =>
  value === undefined || value === null ? null : value;

/** The entry in SI units, rounded to what a device resolves (0.01 °C, 1 g, 1 mm). */
export function toSI(entry: VitalsEntry, units: Units): VitalsSI {
  const temperature = orNull(entry.temperature);
  const weight = orNull(entry.weight);
  const height = orNull(entry.height);
  return {
    systolic: orNull(entry.systolic),
    diastolic: orNull(entry.diastolic),
    pulse: orNull(entry.pulse),
    respRate: orNull(entry.respRate),
    temperatureC:
      temperature === null
        ? null
        : round(units.temperature === 'F' ? fahrenheitToCelsius(temperature) : temperature, 2),
    spo2: orNull(entry.spo2),
    weightKg: weight === null ? null : round(units.system === 'imperial' ? poundsToKg(weight) : weight, 3),
    heightM: height === null ? null : round(units.system === 'imperial' ? inchesToMetres(height) : height / 100, 3),
    pain: orNull(entry.pain),
  };
}

/** Stored SI values shown in the clinic's units (temperature 1 decimal, weight 1 decimal, height cm or inches 1 decimal). */
export function fromSI(si: VitalsSI, units: Units): VitalsEntry {
  return {
    systolic: si.systolic,
    diastolic: si.diastolic,
    pulse: si.pulse,
    respRate: si.respRate,
    temperature:
      si.temperatureC === null
        ? null
        : round(units.temperature === 'F' ? celsiusToFahrenheit(si.temperatureC) : si.temperatureC, 1),
    spo2: si.spo2,
    weight: si.weightKg === null ? null : round(units.system === 'imperial' ? kgToPounds(si.weightKg) : si.weightKg, 1),
    height:
      si.heightM === null
        ? null
        : round(units.system === 'imperial' ? metresToInches(si.heightM) : si.heightM * 100, 1),
    pain: si.pain,
  };
}

/** Body-mass index, kg/m², one decimal; null unless both weight and height are known. */
export function bmi(weightKg: number | null, heightM: number | null): number | null {
  if (weightKg === null || heightM === null || heightM <= 0) return null;
  return round(weightKg / (heightM * heightM), 1);
}

export interface VitalsProblem {
  field: VitalField;
  message: string;
}

const SI_VALUE: Record<Exclude<VitalField, 'pain'>, (si: VitalsSI) => number | null> = {
  systolic: (si) => si.systolic,
  diastolic: (si) => si.diastolic,
  pulse: (si) => si.pulse,
  respRate: (si) => si.respRate,
  temperature: (si) => si.temperatureC,
  spo2: (si) => si.spo2,
  weight: (si) => si.weightKg,
  height: (si) => si.heightM,
};

/** In the unit the nurse typed, so the message matches the form. */
function shown(field: Exclude<VitalField, 'pain'>, siValue: number, units: Units): string {
  if (field === 'temperature')
    return units.temperature === 'F' ? `${round(celsiusToFahrenheit(siValue), 1)} °F` : `${round(siValue, 1)} °C`;
  if (field === 'weight')
    return units.system === 'imperial' ? `${round(kgToPounds(siValue), 1)} lb` : `${round(siValue, 1)} kg`;
  if (field === 'height')
    return units.system === 'imperial' ? `${round(metresToInches(siValue), 1)} in` : `${round(siValue * 100, 1)} cm`;
  return `${siValue} ${LIMITS[field].unit}`;
}

/**
 * Sorts each value into impossible (refuse, naming the field) or implausible (ask). Blood pressure
 * also needs both halves and systolic above diastolic.
 */
export function checkVitals(si: VitalsSI, units: Units): { impossible: VitalsProblem[]; implausible: VitalsProblem[] } {
  const impossible: VitalsProblem[] = [];
  const implausible: VitalsProblem[] = [];
  for (const field of Object.keys(SI_VALUE) as (keyof typeof SI_VALUE)[]) {
    const value = SI_VALUE[field](si);
    if (value === null) continue;
    const limits = LIMITS[field];
    if (!Number.isFinite(value) || value < limits.impossible[0] || value > limits.impossible[1]) {
      impossible.push({
        field,
        message: `${shown(field, value, units)} is not a possible ${limits.label.toLowerCase()}`,
      });
    } else if (value < limits.plausible[0] || value > limits.plausible[1]) {
      implausible.push({
        field,
        message: `${shown(field, value, units)} is unusual for ${limits.label.toLowerCase()}: check and confirm`,
      });
    }
  }
  if ((si.systolic === null) !== (si.diastolic === null)) {
    const missing = si.systolic === null ? 'systolic' : 'diastolic';
    impossible.push({ field: missing, message: 'blood pressure needs both systolic and diastolic' });
  } else if (
    si.systolic !== null &&
    si.diastolic !== null &&
    si.systolic <= si.diastolic &&
    !impossible.some((p) => p.field === 'systolic')
  ) {
    impossible.push({
      field: 'systolic',
      message: `systolic (${si.systolic}) must be higher than diastolic (${si.diastolic})`,
    });
  }
  if (si.pain !== null && (!Number.isInteger(si.pain) || si.pain < 0 || si.pain > 10)) {
    impossible.push({ field: 'pain', message: 'pain is a whole number from 0 to 10' });
  }
  return { impossible, implausible };
}
