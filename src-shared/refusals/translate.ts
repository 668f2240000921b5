import type { ApiErrorData } from '../api/errors';
import type { Language } from '../api/areas/settings';
import english from './refusals.en.json';
import spanish from './refusals.es.json';

/**
 * Main's refusals in the asker's language. Main words its messages in English (the CLI, the audit log
 * and the exports read them so); at the router's door an error's message, its `details.fields` and its
 * problems' messages are matched against the English templates (scripts/refusals-extract.ts) and
 * rewritten from the language's catalogue. What an interpolation carried (a name, a time) is kept,
 * translated itself when it is a catalogue entry; a message no template matches stays English.
 */
interface Compiled {
  pattern: RegExp;
  /** The translation: its text, and for each placeholder the number of the capture it takes. */
  target: Array<string | number>;
  /** How many characters of the template are not placeholders. */
  fixed: number;
}

/** A placeholder inside a sentence (a name, a time) stops at a sentence's end... */
const WORDS = '((?:(?![.!?] \\p{Lu})[\\s\\S])+?)';
/** ...one that stands for whole sentences (a booking's problems before "To book it anyway") does not. */
const SENTENCES = '([\\s\\S]+?)';

function isSentenceHole(before: string, after: string): boolean {
  const startsSentence = before === '' || /[.!?:] $/.test(before);
  const endsSentence = after === '' || /^ \p{Lu}/u.test(after);
  return startsSentence && endsSentence;
}

interface Catalogue {
  exact: Map<string, string>;
  patterns: Compiled[];
}

const MAX_TRANSLATED_LENGTH = 1000;

const catalogues = new Map<Language, Catalogue | null>();

function catalogueFor(language: Language): Catalogue | null {
  if (language === 'en') return null;
  let catalogue = catalogues.get(language);
  if (catalogue === undefined) {
    catalogue = compile(english, spanish);
    catalogues.set(language, catalogue);
  }
  return catalogue;
}

function compile(en: Record<string, string>, translated: Record<string, string>): Catalogue {
  const exact = new Map<string, string>();
  const patterns: Compiled[] = [];
  for (const template of Object.keys(en)) {
    const target = translated[template];
    if (!target) continue;
    if (!/\{\d+\}/.test(template)) {
      exact.set(template, target);
      continue;
    }
    const order: number[] = [];
    const parts = template.split(/(\{\d+\})/);
    const source = parts
      .map((part, i) => {
        const hole = /^\{(\d+)\}$/.exec(part);
        if (!hole) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        order.push(Number(hole[1]));
        return isSentenceHole(parts[i - 1] ?? '', parts[i + 1] ?? '') ? SENTENCES : WORDS;
      })
      .join('');
    patterns.push({
      pattern: new RegExp(`^${source}$`, 'u'),
      target: renumber(target, order),
      fixed: parts.filter((_, i) => i % 2 === 0).join('').length,
    });
  }
  // The template with the most fixed words first: "{0} is in use {1}." before "{0}.".
  patterns.sort((a, b) => b.fixed - a.fixed);
  return { exact, patterns };
}

/** `{n}` in the translation names the n-th hole of the template; captures come in the template's order. */
function renumber(target: string, order: number[]): Array<string | number> {
  return target.split(/(\{\d+\})/).map((part) => {
    const hole = /^\{(\d+)\}$/.exec(part);
    const capture = hole ? order.indexOf(Number(hole[1])) : -1;
    return capture < 0 ? part : capture + 1;
  });
}

function translateText(catalogue: Catalogue, text: string, depth = 0): string {
  const known = catalogue.exact.get(text);
  if (known !== undefined) return known;
  // A message echoes what the asker sent (a procedure's name): past this length it stays as it is, so
  // no crafted text makes the patterns backtrack for long.
  if (depth > 3 || text.length > MAX_TRANSLATED_LENGTH) return text;
  for (const { pattern, target } of catalogue.patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    return target
      .map((part) => (typeof part === 'number' ? translateText(catalogue, match[part] ?? '', depth + 1) : part))
      .join('');
  }
  // Several sentences joined (a booking's problems): each on its own.
  const sentences = text.split(/(?<=[.!?]) (?=\S)/);
  if (sentences.length > 1) {
    const each = sentences.map((sentence) => translateText(catalogue, sentence, depth + 1));
    if (each.some((sentence, i) => sentence !== sentences[i])) return each.join(' ');
  }
  return text;
}

/** One sentence main wrote (a sync round's last error, kept in the status) in `language`. */
export function translateMessage(text: string, language: Language): string {
  const catalogue = catalogueFor(language);
  return catalogue ? translateText(catalogue, text) : text;
}

/** The error as the asker reads it: the same code and data, its words in `language`. */
export function translateError(error: ApiErrorData, language: Language): ApiErrorData {
  const catalogue = catalogueFor(language);
  if (!catalogue) return error;
  const fields = error.details?.fields;
  const translatedFields =
    fields &&
    Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, translateText(catalogue, problem)]));
  let message = translateText(catalogue, error.message);
  // A VALIDATION message is its fields, "field: problem; field: problem" (field-errors.ts, fieldError).
  if (message === error.message && fields && translatedFields) {
    const joined = Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`);
    if (joined.join('; ') === error.message)
      message = Object.entries(translatedFields)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; ');
  }
  if (!error.details) return { ...error, message };
  const details: NonNullable<ApiErrorData['details']> = { ...translateMessages(catalogue, error.details, 0) };
  if (translatedFields) details.fields = translatedFields;
  return { ...error, message, details };
}

/** `message` strings inside the details (a booking's `problems`, a series' `occurrences`), a few levels down. */
function translateMessages<T>(catalogue: Catalogue, value: T, depth: number): T {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => translateMessages(catalogue, item, depth + 1)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'message' && typeof item === 'string'
        ? translateText(catalogue, item)
        : translateMessages(catalogue, item, depth + 1),
    ]),
  ) as T;
}
