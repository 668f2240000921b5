import type { ApiErrorData } from '../../../src-shared/api/errors';
import type { Language } from '../../../src-shared/api/areas/settings';
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
  /** The translation's text between its placeholders, and which capture each placeholder takes. */
  target: string;
}

interface Catalogue {
  exact: Map<string, string>;
  patterns: Compiled[];
}

const catalogues = new Map<Language, Catalogue | null>();

function catalogueFor(language: Language): Catalogue | null {
  if (language === 'en') return null;
  let catalogue = catalogues.get(language);
  if (catalogue === undefined) {
    catalogue = compile(english as Record<string, string>, spanish as Record<string, string>);
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
    const source = template
      .split(/(\{\d+\})/)
      .map((part) => {
        const hole = /^\{(\d+)\}$/.exec(part);
        if (!hole) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        order.push(Number(hole[1]));
        return '([\\s\\S]+?)';
      })
      .join('');
    patterns.push({ pattern: new RegExp(`^${source}$`), target: renumber(target, order) });
  }
  // The template with the most fixed words first: "{0} is in use {1}." before "{0}.".
  const fixed = (c: Compiled) => c.pattern.source.replace(/\(\[\\s\\S\]\+\?\)/g, '').length;
  patterns.sort((a, b) => fixed(b) - fixed(a));
  return { exact, patterns };
}

/** `{n}` in the translation names the n-th hole of the template; captures come in the template's order. */
function renumber(target: string, order: number[]): string {
  return target.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const capture = order.indexOf(Number(n));
    return capture < 0 ? whole : `\u0000${capture}\u0000`;
  });
}

function translateText(catalogue: Catalogue, text: string, depth = 0): string {
  const known = catalogue.exact.get(text);
  if (known !== undefined) return known;
  if (depth > 3) return text;
  for (const { pattern, target } of catalogue.patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    return target.replace(/\u0000(\d+)\u0000/g, (_, i: string) =>
      translateText(catalogue, match[Number(i) + 1] ?? '', depth + 1),
    );
  }
  // Several sentences joined (a booking's problems): each on its own.
  const sentences = text.split(/(?<=[.!?]) (?=\S)/);
  if (sentences.length > 1) {
    const each = sentences.map((sentence) => translateText(catalogue, sentence, depth + 1));
    if (each.some((sentence, i) => sentence !== sentences[i])) return each.join(' ');
  }
  return text;
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
