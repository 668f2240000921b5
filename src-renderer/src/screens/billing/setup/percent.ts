import { i18next } from '../../../i18n';
/** A tax rate typed as a percentage ("20", "7.5") to parts per million, by joining digits (no float). */
export function percentToPpm(text: string): { ppm: number | undefined; problem: string | null } {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text.trim().replace(/%$/, '').trim());
  if (!match) return { ppm: undefined, problem: i18next.t('billing:percent.mustBeAPercentageSuch') };
  const digits = `${match[1] ?? '0'}${(match[2] ?? '').padEnd(4, '0')}`;
  let ppm = 0;
  for (const c of digits) ppm = ppm * 10 + (c.charCodeAt(0) - 48);
  if (ppm > 1_000_000) return { ppm: undefined, problem: i18next.t('billing:percent.mustBeAtMost100') };
  return { ppm, problem: null };
}

/** 200000 → "20", 75000 → "7.5". */
export function ppmToPercent(ppm: number): string {
  const text = String(ppm).padStart(5, '0');
  const whole = text.slice(0, -4).replace(/^0+(?=\d)/, '');
  const fraction = text.slice(-4).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
