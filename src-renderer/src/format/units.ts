import { unitWord } from '../../../src-shared/stock/unit-count';
import { i18next } from '../i18n';

/**
 * A count of a stock item's units as a person says it: "1 tablet", "200 tablets", "5 ml". English
 * nouns only; in another language the unit stands as the clinic typed it.
 */
export function unitsOf(count: number, unit: string): string {
  return `${count} ${i18next.language.startsWith('en') ? unitWord(unit, count) : unit}`;
}
