/**
 * Compares a translated catalogue with the English one, for the unit test and for
 * `npx tsx scripts/i18n-missing.ts` (the translator's list of what is left). Pure: catalogues in,
 * problems out. Lives in src-shared so both the test (Node) and the script read it without the page.
 */

export type Catalogue = Record<string, unknown>;

export interface CatalogueProblem {
  kind: 'missing' | 'extra' | 'placeholders' | 'tags' | 'kbd' | 'empty';
  /** `namespace:dotted.key`. */
  key: string;
  english?: string;
  translated?: string;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(tree: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof tree === 'string') out.set(path, tree);
  else if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) leaves(value, path ? `${path}.${key}` : key, out);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
/** A singular may say "one" in words instead of {{count}}; every other placeholder must be kept. */
const named = (text: string, key: string) =>
  placeholders(text).filter((name) => !(key.endsWith('_one') && name === 'count'));
const tags = (text: string) => [...text.matchAll(/<(\/?[\w]+)\s*\/?>/g)].map((m) => m[1]).sort();
/** What a `<kbd>` shows is a key's name on the keyboard: it stays as in English. */
const kbd = (text: string) => [...text.matchAll(/<(kbd\d*)>(.*?)<\/\1>/g)].map((m) => m[2]).sort();
const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The keys a language needs for one English entry: the same key, except a plural (`x_one`, `x_other`)
 * asks for the language's own plural categories (Spanish: one, many, other); `x_zero` is kept as is,
 * since i18next asks for it whenever the count is 0.
 */
function expectedKeys(english: Map<string, string>, categories: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of english) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, -match[0].length) : null;
    if (match && base !== null && english.has(`${base}_other`) && match[1] !== 'zero') {
      for (const category of categories) {
        const source = english.get(`${base}_${category}`) ?? english.get(`${base}_other`) ?? text;
        out.set(`${base}_${category}`, source);
      }
    } else {
      out.set(key, text);
    }
  }
  return out;
}

export function compareCatalogues(
  english: Record<string, Catalogue>,
  translated: Record<string, Catalogue | undefined>,
  pluralCategories: readonly string[],
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const namespaces = new Set([...Object.keys(english), ...Object.keys(translated)]);
  for (const ns of namespaces) {
    const wanted = expectedKeys(leaves(english[ns] ?? {}, '', new Map()), pluralCategories);
    const have = leaves(translated[ns] ?? {}, '', new Map());
    for (const [key, source] of wanted) {
      const text = have.get(key);
      const at = `${ns}:${key}`;
      if (text === undefined) problems.push({ kind: 'missing', key: at, english: source });
      else if (text.trim() === '') problems.push({ kind: 'empty', key: at, english: source });
      else if (!same(named(source, key), named(text, key))) {
        problems.push({ kind: 'placeholders', key: at, english: source, translated: text });
      } else if (!same(tags(source), tags(text))) {
        problems.push({ kind: 'tags', key: at, english: source, translated: text });
      } else if (!same(kbd(source), kbd(text))) {
        problems.push({ kind: 'kbd', key: at, english: source, translated: text });
      }
    }
    for (const key of have.keys()) if (!wanted.has(key)) problems.push({ kind: 'extra', key: `${ns}:${key}` });
  }
  return problems;
}
