import { describe, expect, it } from 'vitest';
import { isOverThreshold, minutesBetween, ticketLabel, DEFAULT_THRESHOLDS } from '../../src-shared/visits/status';
import {
  bmi,
  celsiusToFahrenheit,
  checkVitals,
  fahrenheitToCelsius,
  fromSI,
  toSI,
  type Units,
} from '../../src-shared/visits/vitals';

/** An asymmetric matcher typed as what it stands for. */
const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

const METRIC: Units = { temperature: 'C', system: 'metric' };
const IMPERIAL: Units = { temperature: 'F', system: 'imperial' };

describe('vitals units', () => {
  it('stores temperature in °C, weight in kg and height in m whatever was typed', () => {
    expect(toSI({ temperature: 98.6, weight: 154, height: 69 }, IMPERIAL)).toMatchObject({
      temperatureC: 37,
      weightKg: 69.853,
      heightM: 1.753,
    });
    expect(toSI({ temperature: 37.2, weight: 70, height: 175 }, METRIC)).toMatchObject({
      temperatureC: 37.2,
      weightKg: 70,
      heightM: 1.75,
    });
    expect(fahrenheitToCelsius(212)).toBe(100);
    expect(celsiusToFahrenheit(-40)).toBe(-40);
  });

  it('shows stored values back in the clinic units they were typed in', () => {
    const si = toSI({ temperature: 101.3, weight: 180.5, height: 70 }, IMPERIAL);
    expect(fromSI(si, IMPERIAL)).toMatchObject({ temperature: 101.3, weight: 180.5, height: 70 });
    expect(fromSI(si, METRIC)).toMatchObject({ temperature: 38.5, weight: 81.9, height: 177.8 });
  });

  it('computes BMI from kg and m, one decimal, only when both are known', () => {
    expect(bmi(70, 1.75)).toBe(22.9);
    expect(bmi(120, 1.8)).toBe(37);
    expect(bmi(null, 1.8)).toBeNull();
    expect(bmi(70, null)).toBeNull();
  });
});

describe('vitals validation', () => {
  const ok = toSI(
    {
      systolic: 120,
      diastolic: 80,
      pulse: 72,
      respRate: 16,
      temperature: 36.8,
      spo2: 98,
      weight: 70,
      height: 175,
      pain: 2,
    },
    METRIC,
  );

  it('accepts an ordinary set', () => {
    expect(checkVitals(ok, METRIC)).toEqual({ impossible: [], implausible: [] });
  });

  it('refuses impossible values, naming the field in the unit typed', () => {
    const { impossible } = checkVitals(toSI({ temperature: 120, pulse: 400 }, IMPERIAL), IMPERIAL);
    expect(impossible.map((p) => p.field)).toEqual(['pulse', 'temperature']);
    expect(impossible.find((p) => p.field === 'temperature')?.message).toMatch(/120 °F is not a possible temperature/);
    expect(checkVitals({ ...ok, spo2: 101 }, METRIC).impossible).toMatchObject([{ field: 'spo2' }]);
    expect(checkVitals({ ...ok, heightM: 17.5 }, METRIC).impossible).toMatchObject([
      { field: 'height', message: matching(/1750 cm/) },
    ]);
  });

  it('asks for confirmation of unusual but possible values', () => {
    const { impossible, implausible } = checkVitals({ ...ok, systolic: 230, temperatureC: 41.5, spo2: 82 }, METRIC);
    expect(impossible).toEqual([]);
    expect(implausible.map((p) => p.field)).toEqual(['systolic', 'temperature', 'spo2']);
  });

  it('needs both halves of a blood pressure, systolic above diastolic', () => {
    expect(checkVitals({ ...ok, diastolic: null }, METRIC).impossible).toMatchObject([{ field: 'diastolic' }]);
    expect(checkVitals({ ...ok, systolic: 80, diastolic: 90 }, METRIC).impossible).toMatchObject([
      { field: 'systolic', message: matching(/higher than diastolic/) },
    ]);
  });

  it('keeps pain to whole numbers 0-10', () => {
    expect(checkVitals({ ...ok, pain: 11 }, METRIC).impossible).toMatchObject([{ field: 'pain' }]);
    expect(checkVitals({ ...ok, pain: 0 }, METRIC).impossible).toEqual([]);
  });
});

describe('waiting times and thresholds (injected clock)', () => {
  const since = Date.UTC(2026, 10, 23, 9, 0);
  it('colours a status only once it is past its threshold', () => {
    expect(isOverThreshold('arrived', since, since + 15 * 60_000, DEFAULT_THRESHOLDS)).toBe(false);
    expect(isOverThreshold('arrived', since, since + 15 * 60_000 + 1, DEFAULT_THRESHOLDS)).toBe(true);
    expect(isOverThreshold('roomed', since, since + 11 * 60_000, DEFAULT_THRESHOLDS)).toBe(true);
    expect(isOverThreshold('with_provider', since, since + 11 * 60_000, DEFAULT_THRESHOLDS)).toBe(false);
    expect(isOverThreshold('checked_out', since, since + 600 * 60_000, DEFAULT_THRESHOLDS)).toBe(false);
  });
  it('counts whole minutes and never goes negative', () => {
    expect(minutesBetween(since, since + 59_999)).toBe(0);
    expect(minutesBetween(since, since + 61 * 60_000)).toBe(61);
    expect(minutesBetween(since, since - 5_000)).toBe(0);
  });
  it('tickets never carry the name', () => {
    expect(ticketLabel('initials', 'Maria', 'Lopez', 7)).toBe('M. L. (7)');
    expect(ticketLabel('number', 'Maria', 'Lopez', 7)).toBe('No. 7');
  });
});
