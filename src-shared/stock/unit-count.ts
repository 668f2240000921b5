import pluralize from 'pluralize';

// A clinic names its dispensing units in its own words ("tablet", "dose", "ml"): an abbreviation (no
// vowel) or "each" has no plural. pluralize, not i18next's plurals: those choose among a catalogue's
// forms, and these nouns are typed by the clinic, not in the catalogue.
pluralize.addUncountableRule(/^[^aeiouy]+$/i);
pluralize.addUncountableRule('each');

/** A dispensing unit in English agreeing with its count: "tablet" for 1, "tablets" for 200, "ml" always. */
export function unitWord(unit: string, count: number): string {
  return pluralize(unit, count);
}
