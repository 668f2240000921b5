/**
 * fast-check arbitraries from zod 4 schemas: values shaped like a procedure's input (right keys,
 * types, lengths and enum values; patterns matched where a pattern is declared). Written here because
 * the maintained deriver (zod-fast-check) supports only zod 3 and fast-check 3; this one reads the
 * same definitions tests/helpers/contract-walker.ts reads and covers what the contract uses.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { internals, type ZodInternals } from './contract-walker';

/** Longest string or array generated for "valid" values: long inputs are the hostile generator's job. */
const LONGEST = 120;
const MOST_ITEMS = 4;

const UUID_START = '^([0-9a-fA-F]{8}-';

export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return derive(internals(schema), 0);
}

function checksOf(node: ZodInternals) {
  return (node._zod.def.checks ?? []).map((check) => check._zod.def);
}

function derive(node: ZodInternals, depth: number): fc.Arbitrary<unknown> {
  const def = node._zod.def;
  if (depth > 12) return fc.constant(undefined);
  switch (def.type) {
    case 'string': {
      const checks = def.check === 'string_format' ? [def, ...checksOf(node)] : checksOf(node);
      const max = Math.min(LONGEST, ...checks.flatMap((c) => (c.check === 'max_length' ? [c.maximum ?? LONGEST] : [])));
      const min = Math.min(max, ...checks.flatMap((c) => (c.check === 'min_length' ? [c.minimum ?? 0] : [])), max);
      const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
      if (pattern && (def.format === 'uuid' || pattern.source.startsWith(UUID_START))) return fc.uuid({ version: 7 });
      if (pattern && def.format !== 'base64') return fc.stringMatching(pattern).filter((s) => s.length <= max);
      return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', maxLength: max }));
    }
    case 'number': {
      const checks = checksOf(node);
      const low = checks.find((c) => c.check === 'greater_than') as { value?: number } | undefined;
      const high = checks.find((c) => c.check === 'less_than') as { value?: number } | undefined;
      const isInt = checks.some((c) => c.format === 'safeint');
      const min = low?.value ?? -1e6;
      const max = high?.value ?? 1e6;
      return isInt
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'object': {
      const shape = def.shape ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, child] of Object.entries(shape)) {
        model[key] = derive(child, depth + 1);
        if ((child._zod as { optin?: string }).optin !== 'optional') required.push(key);
      }
      return fc.record(model, { requiredKeys: required });
    }
    case 'array': {
      const checks = checksOf(node);
      const max = Math.min(
        MOST_ITEMS,
        ...checks.flatMap((c) => (c.check === 'max_length' ? [c.maximum ?? MOST_ITEMS] : [])),
      );
      const min = Math.min(max, ...checks.flatMap((c) => (c.check === 'min_length' ? [c.minimum ?? 0] : [])), max);
      return fc.array(derive(def.element as ZodInternals, depth + 1), { minLength: min, maxLength: max });
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(derive(def.innerType as ZodInternals, depth + 1), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(derive(def.innerType as ZodInternals, depth + 1), { nil: null, freq: 4 });
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return derive(def.innerType as ZodInternals, depth + 1);
    case 'pipe':
      return derive(def.in as ZodInternals, depth + 1);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => derive(option, depth + 1)));
    case 'intersection':
      return derive(def.left as ZodInternals, depth + 1);
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 20 }), derive(def.valueType as ZodInternals, depth + 1), {
        maxKeys: MOST_ITEMS,
      });
    case 'lazy':
      return derive((def.getter as () => ZodInternals)(), depth + 1);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}
