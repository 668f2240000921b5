/**
 * Strings that make a backtracking pattern slow: long runs of the characters a pattern repeats,
 * after each short prefix that gets a match under way, ended by a character that makes it fail
 * (the near miss that forces every split to be tried), and plain 100 KB runs.
 */
import vm from 'node:vm';

/** Characters worth repeating: letters, digits, every kind of separator the contract's patterns use. */
const CANDIDATES = Array.from('aZ09 \t\n.-_/@:#+=,;()[]{}\'"\\%&*?!~|<>^$`éß字\u0000\u00a0');
const [BANG, SPACE] = ['!', ' '];
const ENDINGS = [BANG, SPACE, '\u0000', '@'];

export const LONG = 100_000;
/** Long enough that a quadratic pattern takes seconds, short enough that a linear one takes well under a millisecond. */
export const PUMPED = 60_000;

/** The characters that a pattern's quantified parts accept (all candidates for an opaque refinement). */
export function repeatedCharacters(pattern: RegExp | undefined): string[] {
  if (!pattern) return CANDIDATES;
  const flags = pattern.flags.replace(/[gy]/g, '');
  const atoms = pattern.source.match(/\\p\{[^}]+\}|\[(?:\\.|[^\]])*\]|\\.|[^()|?*+{}^$]/g) ?? [];
  const accepted = new Set<string>();
  for (const atom of atoms) {
    let atomPattern: RegExp;
    try {
      atomPattern = new RegExp(`^(?:${atom})$`, flags);
    } catch {
      continue;
    }
    for (const candidate of CANDIDATES) if (atomPattern.test(candidate)) accepted.add(candidate);
  }
  return accepted.size > 0 ? [...accepted] : CANDIDATES;
}

/** Prefixes that get a match under way: a repeated character then each literal of the pattern, and a few shapes of our fields. */
function prefixes(repeated: string[], pattern: RegExp | undefined): string[] {
  const source = pattern?.source.replace(/\\[pPdDsSwWbB](\{[^}]*\})?|\\./g, '') ?? '@.:/-#+';
  const literals = [...new Set(source.match(/[^\w\s()[\]|?*+{}^$\\]/g) ?? [])];
  const result = new Set<string>(['', 'a@a', 'https://', '2024-01-', '+1 ']);
  for (const start of repeated.slice(0, 3)) for (const literal of literals) result.add(`${start}${literal}`);
  return [...result];
}

/** For a refinement, whose patterns (if any) are hidden in code: the characters our fields are made of. */
const OPAQUE_REPEATED = Array.from('a1 .-/@:');

const cache = new Map<string, string[]>();

/** The adversarial inputs for one pattern (or, without a pattern, for an opaque refinement). */
export function adversarialStrings(pattern?: RegExp): string[] {
  const key = pattern ? `${pattern.source}/${pattern.flags}` : '';
  const cached = cache.get(key);
  if (cached) return cached;
  const repeated = repeatedCharacters(pattern);
  const inputs = new Set<string>();
  for (const character of repeated) {
    inputs.add(character.repeat(LONG));
    for (const ending of ENDINGS) inputs.add(character.repeat(LONG) + ending);
  }
  const pumped = pattern ? repeated : OPAQUE_REPEATED;
  for (const prefix of prefixes(pumped, pattern)) {
    for (const character of pumped) inputs.add(prefix + character.repeat(PUMPED) + BANG);
  }
  // Two alternating characters: parts of a pattern that overlap on either of them.
  for (const [index, character] of pumped.entries()) {
    const other = pumped[(index + 1) % pumped.length] ?? character;
    inputs.add((character + other).repeat(PUMPED / 2) + BANG);
    inputs.add(`a@${(character + other).repeat(PUMPED / 2)}${SPACE}`);
  }
  const list = [...inputs];
  cache.set(key, list);
  return list;
}

export class BudgetExceeded extends Error {}

/**
 * Runs `fn(input)` and stops it after `budgetMs`: vm's timeout interrupts even a regular expression
 * in the middle of backtracking, so a bad pattern fails the test instead of hanging it.
 */
const context = vm.createContext({ fn: null, input: '' });
export function withinBudget(fn: (input: string) => void, input: string, budgetMs: number): number {
  context.fn = fn;
  context.input = input;
  const started = performance.now();
  try {
    vm.runInContext('fn(input)', context, { timeout: budgetMs });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new BudgetExceeded(`over ${budgetMs} ms`);
    }
    // A refinement may throw on input it was never meant to see (an object rule given a string): not our concern here.
  }
  return performance.now() - started;
}
