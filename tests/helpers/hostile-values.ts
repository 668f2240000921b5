/**
 * Hostile values to put anywhere in a procedure's input: oversized, of the wrong type, with keys that
 * pollute prototypes, nested far deeper than any input, and strings that make bad patterns backtrack.
 */
import fc from 'fast-check';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

/** As JSON.parse builds them: `__proto__` and `constructor` as keys of their own, as a request body would carry them. */
export const pollutingObjects = (): unknown[] => [
  JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  JSON.parse('{"__proto__": null, "toString": "x", "valueOf": 1, "hasOwnProperty": "no"}') as unknown,
];

const bombs = [
  `a@${'.'.repeat(30_000)} `,
  `a@${'a.'.repeat(15_000)} `,
  `${'1'.repeat(50_000)}!`,
  `https://${'/'.repeat(30_000)} `,
  `2024-01-${'0'.repeat(30_000)}`,
  `+${'1 '.repeat(20_000)}x`,
  `#${'a'.repeat(30_000)}`,
  ' '.repeat(100_000),
  '\u0000'.repeat(10_000),
];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'x'.repeat(1_000_000),
    'é'.repeat(300_000),
    new Array(100_000).fill('a'),
    Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`k${index}`, index])),
  ),
  fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, 1e308, -0, NaN, Infinity, '', ' ', [], {}, [[]]),
  fc.constantFrom<unknown>(nested(10_000), nested(50)),
  fc.constantFrom<unknown>(...pollutingObjects()),
  fc.constantFrom<unknown>(...bombs),
  fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withSparseArray: true }),
);

/** Replaces one place in `value` (or the whole of it) with a hostile value, or adds a polluting key. */
export function corrupt(value: unknown, pathChoice: number, replacement: unknown, addKey: boolean): unknown {
  const places = placesIn(value);
  const path = places[pathChoice % places.length] ?? [];
  if (path.length === 0)
    return addKey && isRecord(replacement) ? { ...(value as object), ...replacement } : replacement;
  const copy = structuredClone(value) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (addKey) Object.defineProperty(parent, '__proto__', { value: replacement, enumerable: true, configurable: true });
  else parent[last] = replacement;
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every path into plain objects and arrays, the root included. */
function placesIn(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => placesIn(item, [...path, String(index)], out));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], out);
  return out;
}
