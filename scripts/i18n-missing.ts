/**
 * What a translation still lacks: `npx tsx scripts/i18n-missing.ts [es]` prints, namespace by
 * namespace, each English key the language has not got (with its English text), keys it has that
 * English does not, and entries whose {{placeholders}} or <tags> differ. Exit code 1 when anything is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCatalogues, type Catalogue } from '../src-shared/i18n-check';

const language = process.argv[2] ?? 'es';
const root = new URL('../src-renderer/src/i18n/', import.meta.url).pathname;
function read(folder: string): Record<string, Catalogue> {
  const dir = join(root, folder);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')) as Catalogue]),
  );
}
const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
const problems = compareCatalogues(read('en'), read(language), categories);
for (const problem of problems) {
  const english = problem.english === undefined ? '' : `  ${JSON.stringify(problem.english)}`;
  const translated = problem.translated === undefined ? '' : `  → ${JSON.stringify(problem.translated)}`;
  console.log(`${problem.kind.padEnd(12)} ${problem.key}${english}${translated}`);
}
console.log(`${problems.length} problem(s) in ${language} against en (plural forms: ${categories.join(', ')}).`);
process.exitCode = problems.length > 0 ? 1 : 0;
