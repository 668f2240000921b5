import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { compareCatalogues, type Catalogue } from '../../src-shared/i18n-check';
import { formatLongDate } from '../../src-shared/locale/date-format';

const I18N = new URL('../../src-renderer/src/i18n/', import.meta.url).pathname;

function read(folder: string): Record<string, Catalogue> {
  const dir = join(I18N, folder);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')) as Catalogue]),
  );
}

const SPANISH_PLURALS = new Intl.PluralRules('es').resolvedOptions().pluralCategories;

describe('the Spanish catalogue', () => {
  it('has every English key (with Spanish plural forms), no key English lacks, and the same placeholders and tags', () => {
    const problems = compareCatalogues(read('en'), read('es'), SPANISH_PLURALS).map(
      (problem) => `${problem.kind} ${problem.key}`,
    );
    expect(problems).toEqual([]);
  });

  it('has one file per English namespace', () => {
    expect(Object.keys(read('es')).sort()).toEqual(Object.keys(read('en')).sort());
  });

  it('is actually Spanish, not English copied over (at most a few entries may read the same)', () => {
    const en = read('en');
    const es = read('es');
    const flat = (tree: unknown, out: string[] = []): string[] => {
      if (typeof tree === 'string') out.push(tree);
      else if (tree && typeof tree === 'object') for (const value of Object.values(tree)) flat(value, out);
      return out;
    };
    const english = new Set(flat(en));
    const spanish = flat(es);
    const unchanged = spanish.filter((text) => english.has(text) && /[a-z]{4}/i.test(text));
    expect(unchanged.length / spanish.length).toBeLessThan(0.05);
  });

  it('words plurals the way i18next asks for Spanish: one, many (a million) and other', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'es', resources: { es: { frame: read('es').frame ?? {} } }, initAsync: false });
    expect(SPANISH_PLURALS).toEqual(expect.arrayContaining(['one', 'many', 'other']));
    const count = (n: number) => instance.t('frame:palette.patientCount', { count: n });
    expect(count(1)).not.toEqual(count(2));
    expect(count(2)).toContain('2');
    expect(count(1_000_000)).toContain('1');
    expect(count(1_000_000)).not.toContain('palette.');
  });

  it('writes dates in words in Spanish when the screens are Spanish, and keeps main English', () => {
    expect(formatLongDate('2026-12-08', 'DD/MM/YYYY', 'es')).toBe('martes, 8 de diciembre de 2026');
    expect(formatLongDate('2026-12-08', 'MM/DD/YYYY', 'es')).toBe('martes, 8 de diciembre de 2026');
    expect(formatLongDate('2026-12-08', 'DD/MM/YYYY')).toBe('Tuesday, 8 December 2026');
  });
});

describe('the catalogue check itself', () => {
  const en = { ns: { a: 'Hello {{name}}', b: 'Press <kbd>Ctrl</kbd>', n_one: 'One item', n_other: '{{count}} items' } };
  const good = {
    ns: {
      a: 'Hola {{name}}',
      b: 'Pulse <kbd>Ctrl</kbd>',
      n_one: 'Un elemento',
      n_many: '{{count}} de elementos',
      n_other: '{{count}} elementos',
    },
  };
  const problems = (es: Record<string, Catalogue>) =>
    compareCatalogues(en, es, SPANISH_PLURALS).map((p) => `${p.kind} ${p.key}`);

  it('passes a complete translation', () => {
    expect(problems(good)).toEqual([]);
  });

  it('names a missing key, a missing plural form, an extra key, a lost placeholder, a changed tag or key name', () => {
    const rest = Object.fromEntries(Object.entries(good.ns).filter(([key]) => key !== 'a' && key !== 'n_many'));
    expect(problems({ ns: { ...rest, extra: 'x' } })).toEqual(
      expect.arrayContaining(['missing ns:a', 'missing ns:n_many', 'extra ns:extra']),
    );
    expect(problems({ ns: { ...good.ns, a: 'Hola {{nombre}}' } })).toEqual(['placeholders ns:a']);
    expect(problems({ ns: { ...good.ns, b: 'Pulse <b>Ctrl</b>' } })).toEqual(['tags ns:b']);
    expect(problems({ ns: { ...good.ns, b: 'Pulse <kbd>Control</kbd>' } })).toEqual(['kbd ns:b']);
  });
});
