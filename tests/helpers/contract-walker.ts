/**
 * Walks the zod 4 schemas of the contract: every string with its checks in the order zod runs them,
 * every array, every refinement. Used by the bounds test (every string is cut before any pattern
 * runs), the pattern test (every pattern is linear) and the hostile-input test (inputs per schema).
 *
 * It reads zod's own definitions (`schema._zod.def`), the documented way to introspect zod 4
 * schemas; no maintained package walks zod 4 schemas for this.
 */
import type { z } from 'zod';
import { contract, type ProcedureName } from '../../src-shared/api/contract';

/** zod's internal view of a schema or check: what the walker reads. */
export interface ZodInternals {
  _zod: {
    def: ZodDef;
    check?: (payload: CheckPayload) => unknown;
    bag?: Record<string, unknown>;
  };
}
export interface ZodDef {
  type: string;
  check?: string;
  format?: string;
  pattern?: RegExp;
  abort?: boolean;
  maximum?: number;
  minimum?: number;
  checks?: ZodInternals[];
  shape?: Record<string, ZodInternals>;
  element?: ZodInternals;
  innerType?: ZodInternals;
  in?: ZodInternals;
  out?: ZodInternals;
  options?: ZodInternals[];
  left?: ZodInternals;
  right?: ZodInternals;
  keyType?: ZodInternals;
  valueType?: ZodInternals;
  items?: ZodInternals[];
  rest?: ZodInternals | null;
  getter?: () => ZodInternals;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
}
export interface CheckPayload {
  value: unknown;
  issues: unknown[];
}

export const internals = (schema: z.ZodType | ZodInternals): ZodInternals => schema as unknown as ZodInternals;

/** A pattern or refinement that runs on a string, found in a procedure's input. */
export interface StringRule {
  procedure: ProcedureName;
  path: string;
  kind: 'pattern' | 'refinement';
  /** The regular expression, for patterns. */
  pattern?: RegExp;
  /** Runs the check as zod would, on any value. */
  run: (value: unknown) => void;
  /** The check itself: one shared rule appears once per place it is used. */
  check: ZodInternals;
}

export interface BoundsProblem {
  procedure: ProcedureName;
  path: string;
  problem: string;
}

interface WalkResult {
  /** A string leaving this schema was cut by a limit that stops the remaining checks (`abort: true`). */
  cut: boolean;
  /** A string leaving this schema had a length limit (a pipe goes no further after any failure). */
  limited: boolean;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

export interface ContractScan {
  rules: StringRule[];
  problems: BoundsProblem[];
}

/** Scans every procedure's input schema. */
export function scanContract(): ContractScan {
  const rules: StringRule[] = [];
  const problems: BoundsProblem[] = [];
  for (const [procedure, def] of Object.entries(contract) as [ProcedureName, { input: z.ZodType }][]) {
    const scan = scanSchema(def.input);
    rules.push(...scan.rules.map((rule) => ({ ...rule, procedure })));
    problems.push(...scan.problems.map((problem) => ({ ...problem, procedure })));
  }
  return { rules, problems };
}

type Unnamed<T> = Omit<T, 'procedure'>;

/** Scans one schema: its string rules and whatever leaves a string or an array unbounded. */
export function scanSchema(schema: z.ZodType): { rules: Unnamed<StringRule>[]; problems: Unnamed<BoundsProblem>[] } {
  const rules: Unnamed<StringRule>[] = [];
  const problems: Unnamed<BoundsProblem>[] = [];
  const lazyOpen = new Set<ZodInternals>();

  const ruleOf = (check: ZodInternals, path: string): Unnamed<StringRule> & { check: ZodInternals } => {
    const def = check._zod.def;
    const pattern = def.check === 'string_format' ? def.pattern : undefined;
    return {
      check,
      path,
      kind: pattern ? 'pattern' : 'refinement',
      pattern,
      run: (value) => void check._zod.check?.({ value, issues: [] }),
    };
  };

  /** Checks that run on a schema's output after its own parse (refinements on wrappers, pipes, objects). */
  const outerChecks = (node: ZodInternals, path: string, stringish: boolean, cut: boolean): void => {
    for (const check of node._zod.def.checks ?? []) {
      if (check._zod.def.check !== 'custom') continue;
      if (!stringish) continue;
      rules.push(ruleOf(check, path));
      if (!cut) problems.push({ path, problem: 'a refinement runs on a string not cut to a limit before it' });
    }
  };

  function walk(node: ZodInternals, path: string, cutBefore: boolean): WalkResult {
    const def = node._zod.def;
    const here = path || 'input';
    switch (def.type) {
      case 'string': {
        let cut = cutBefore;
        let limited = cutBefore;
        const checks = def.check === 'string_format' ? [node, ...(def.checks ?? [])] : (def.checks ?? []);
        for (const check of checks) {
          const checkDef = check._zod.def;
          if (checkDef.check === 'max_length' || checkDef.check === 'length_equals') {
            limited = true;
            if (checkDef.abort) cut = true;
          } else if (checkDef.check === 'string_format' || checkDef.check === 'custom') {
            rules.push(ruleOf(check, here));
            if (!cut)
              problems.push({
                path: here,
                problem: `${checkDef.format ?? checkDef.check} runs before a length limit that stops the checks`,
              });
          }
        }
        if (!limited) problems.push({ path: here, problem: 'a string without a length limit' });
        return { cut, limited };
      }
      case 'pipe': {
        const inner = walk(def.in as ZodInternals, path, cutBefore);
        // A pipe stops after any failure of its first half, so a limit there (abort or not) bounds the second.
        const outer = walk(def.out as ZodInternals, path, cutBefore || inner.limited);
        const result = { cut: inner.cut || outer.cut || inner.limited, limited: inner.limited || outer.limited };
        outerChecks(node, here, isStringish(node), result.cut);
        return result;
      }
      case 'transform':
        return { cut: cutBefore, limited: cutBefore };
      case 'object': {
        for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, path ? `${path}.${key}` : key, false);
        return { cut: false, limited: false };
      }
      case 'array': {
        const limited = (def.checks ?? []).some((check) => check._zod.def.check === 'max_length');
        if (!limited) problems.push({ path: here, problem: 'an array without a length limit' });
        walk(def.element as ZodInternals, path ? `${path}.0` : '0', false);
        outerChecks(node, here, false, true);
        return { cut: false, limited: false };
      }
      case 'union':
        for (const option of def.options ?? []) walk(option, path, cutBefore);
        return { cut: cutBefore, limited: cutBefore };
      case 'intersection':
        walk(def.left as ZodInternals, path, cutBefore);
        walk(def.right as ZodInternals, path, cutBefore);
        return { cut: cutBefore, limited: cutBefore };
      case 'record':
        walk(def.keyType as ZodInternals, `${here}.<key>`, false);
        walk(def.valueType as ZodInternals, `${here}.<value>`, false);
        return { cut: false, limited: false };
      case 'tuple':
        (def.items ?? []).forEach((item, index) => walk(item, path ? `${path}.${index}` : String(index), false));
        if (def.rest) walk(def.rest, `${here}.<rest>`, false);
        return { cut: false, limited: false };
      case 'lazy': {
        if (lazyOpen.has(node)) return { cut: cutBefore, limited: cutBefore };
        lazyOpen.add(node);
        const result = walk((def.getter as () => ZodInternals)(), path, cutBefore);
        lazyOpen.delete(node);
        return result;
      }
      case 'any':
      case 'unknown':
        problems.push({ path: here, problem: `accepts ${def.type}: nothing bounds it` });
        return { cut: false, limited: false };
      default: {
        if (WRAPPERS.has(def.type)) {
          const inner = walk(def.innerType as ZodInternals, path, cutBefore);
          outerChecks(node, here, isStringish(node), inner.cut);
          return inner;
        }
        // number, boolean, enum, literal, null...: nothing of unbounded length.
        return { cut: cutBefore, limited: cutBefore };
      }
    }
  }

  walk(internals(schema), '', false);
  return { rules, problems };
}

/** Whether a schema's output may be a string (so its refinements see strings). */
export function isStringish(node: ZodInternals): boolean {
  const def = node._zod.def;
  if (def.type === 'string') return true;
  if (def.type === 'pipe') return isStringish(def.in as ZodInternals);
  if (WRAPPERS.has(def.type)) return isStringish(def.innerType as ZodInternals);
  return false;
}

/** Every procedure's name and input schema. */
export function procedures(): { name: ProcedureName; input: z.ZodType; access: string; kind: string }[] {
  return (Object.entries(contract) as [ProcedureName, { input: z.ZodType; access: string; kind: string }][]).map(
    ([name, def]) => ({ name, input: def.input, access: def.access, kind: def.kind }),
  );
}
