import pluralize from 'pluralize';
import { i18next } from '../i18n';

// A clinic names its dispensing units in its own words ("tablet", "dose", "ml"): an abbreviation (no
// vowel) or "each" has no plural. pluralize, not i18next's plurals: those choose among a catalogue's
// forms, and these nouns are typed by the clinic, not in the catalogue.
pluralize.addUncountableRule(/^[^aeiouy]+$/i);
pluralize.addUncountableRule('each');

/**
 * A count of a stock item's units as a person says it: "1 tablet", "200 tablets", "5 ml". English
 * nouns only; in another language the unit stands as the clinic typed it.
 */
export function unitsOf(count: number, unit: string): string {
  const word = i18next.language.startsWith('en') ? pluralize(unit, count) : unit;
  return `${count} ${word}`;
}
