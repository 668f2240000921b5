import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englishCatalogue, extractRefusals, placeholdersOf } from './refusal-templates';

/**
 * Writes main's English refusal templates to src-shared/refusals/refusals.en.json and lists what the
 * Spanish catalogue (refusals.es.json, written by hand) lacks or no longer needs.
 *   npx tsx scripts/refusals-extract.ts           rewrite the English catalogue, then report
 *   npx tsx scripts/refusals-extract.ts --check   only report; exits 1 when anything is off
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const folder = `${root}src-shared/refusals/`;
const check = process.argv.includes('--check');

const found = extractRefusals(root);
const english = englishCatalogue(found);
const written = readJson(`${folder}refusals.en.json`);
const spanish = readJson(`${folder}refusals.es.json`);

const stale = JSON.stringify(written) !== JSON.stringify(english);
if (!check && stale) writeFileSync(`${folder}refusals.en.json`, `${JSON.stringify(english, null, 2)}\n`);

const missing = found.filter(({ template }) => !spanish[template]?.trim());
const unused = Object.keys(spanish).filter((template) => !(template in english));
const mismatched = found.filter(({ template }) => {
  const es = spanish[template];
  return es !== undefined && placeholdersOf(es).join() !== placeholdersOf(template).join();
});

for (const { template, at } of missing) console.log(`no Spanish: ${JSON.stringify(template)}  (${at})`);
for (const { template, at } of mismatched) console.log(`placeholders differ: ${JSON.stringify(template)}  (${at})`);
for (const template of unused) console.log(`Spanish for a template no longer in the code: ${JSON.stringify(template)}`);
if (check && stale) console.log('refusals.en.json is out of date: run npx tsx scripts/refusals-extract.ts');
console.log(
  `${found.length} templates; ${missing.length} without Spanish, ${mismatched.length} with other placeholders, ` +
    `${unused.length} unused Spanish${!check && stale ? '; refusals.en.json rewritten' : ''}.`,
);
if (check && (stale || missing.length || mismatched.length || unused.length)) process.exitCode = 1;

function readJson(path: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
