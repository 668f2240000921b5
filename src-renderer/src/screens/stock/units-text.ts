import { i18next, variant } from '../../i18n';
/**
 * A typed number of units as main should judge it: "12" → 12; anything else becomes NaN or a fraction,
 * which main's schema refuses with the field's own message ("must be a whole number of units").
 */
export function typedUnits(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : Number(trimmed);
}

/** A lot at a place, as a chooser's option: "FLU-A · Stock room · 20 left · expires 2027-03-01". */
export function lotChoice(
  lot: { lotId: string; stockLocationId: string; lotNumber: string; stockLocationName: string; quantity: number },
  expiry: string,
): { value: string; label: string } {
  return {
    value: `${lot.lotId}|${lot.stockLocationId}`,
    label: i18next.t('stock:units-text.left', {
      lotNumber: lot.lotNumber,
      stockLocationName: lot.stockLocationName,
      quantity: lot.quantity,
      expiry: expiry ?? '',
      context: variant(expiry && 'expires'),
    }),
  };
}

export function splitLotChoice(value: string): { lotId: string; stockLocationId: string } {
  const [lotId = '', stockLocationId = ''] = value.split('|');
  return { lotId, stockLocationId };
}
