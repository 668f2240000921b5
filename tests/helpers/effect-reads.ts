import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { contract } from '../../src-shared/api/contract';

/**
 * Finds renderer code that reads from main by hand inside an effect: `call('<read>', ...)` or
 * `api.<area>.<read>(...)` (a procedure whose contract kind is `read`) run from a `useEffect` or
 * `useLayoutEffect` — written in the effect itself, or in a function of the same file that the effect runs
 * (a `load` declared beside it, a `useCallback`, a zustand store's action the effect calls). Those reads go
 * through `useProcedure` instead, which drops stale answers and re-reads on pushed events. Writes on a
 * button press, and reads on a button press (a search run when asked), are not effects and do not count.
 * It reads the syntax tree, so comments and strings that merely name a procedure never count.
 */

export interface EffectRead {
  file: string;
  line: number;
  procedure: string;
}

const EFFECT_HOOKS = new Set(['useEffect', 'useLayoutEffect']);

/**
 * Hooks that never run what they are handed on their own. Any other hook (`useViewRead(load)`,
 * `useVisitEvents(refresh)`) is taken to run it from its effects: on mount and on events.
 */
const NOT_RUNNING_HOOKS = new Set([
  'useCallback',
  'useMemo',
  'useState',
  'useRef',
  'useReducer',
  'useProcedure',
  'useTranslation',
  'useFormErrors',
]);

/** The procedures whose contract kind is `read`. */
export const READ_PROCEDURES: ReadonlySet<string> = new Set(
  Object.entries(contract as Record<string, { kind: string }>)
    .filter(([, def]) => def.kind === 'read')
    .map(([name]) => name),
);

/** The procedure a call names, when it is `call('x.y', ...)` or `api.x.y(...)`. */
function procedureCalled(node: ts.CallExpression): string | null {
  const callee = node.expression;
  if (ts.isIdentifier(callee) && callee.text === 'call') {
    const first = node.arguments[0];
    return first && ts.isStringLiteralLike(first) ? first.text : null;
  }
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isPropertyAccessExpression(callee.expression) &&
    ts.isIdentifier(callee.expression.expression) &&
    callee.expression.expression.text === 'api'
  ) {
    return `${callee.expression.name.text}.${callee.name.text}`;
  }
  return null;
}

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

function isFunction(node: ts.Node): node is FunctionNode {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node)
  );
}

/** The name a function is known by in its file: its declaration, the variable or property holding it. */
function nameOf(fn: FunctionNode): string | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) {
    return fn.name.text;
  }
  let holder: ts.Node = fn.parent;
  // `const load = useCallback(async () => ..., [])`: the callback is known by the variable's name.
  if (ts.isCallExpression(holder) && ts.isIdentifier(holder.expression) && holder.expression.text === 'useCallback') {
    holder = holder.parent;
  }
  if ((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name)) {
    return holder.name.text;
  }
  return null;
}

function isEffectBody(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    ts.isCallExpression(parent) &&
    parent.arguments[0] === fn &&
    ts.isIdentifier(parent.expression) &&
    EFFECT_HOOKS.has(parent.expression.text)
  );
}

/** Names a function mentions: called (`load()`), passed on (`then(load)`), or read off a store (`s.load`). */
function namesMentioned(fn: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else if (ts.isPropertyAccessExpression(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return names;
}

/** Reads run from an effect in one file's source, and the functions (by name) that read. */
export function effectReadsIn(
  file: string,
  source: string,
  runFromEffects: ReadonlySet<string> = new Set(),
  storeHooks: ReadonlySet<string> = new Set(),
) {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const functions: FunctionNode[] = [];
  const reads: { node: ts.CallExpression; procedure: string }[] = [];
  const reached = new Set<FunctionNode>();
  const mentioned = new Set<string>(runFromEffects);
  /** What a running hook is handed: every function in its arguments runs, every name it mentions may. */
  const handedToHook = (argument: ts.Node): void => {
    if (isFunction(argument)) reached.add(argument);
    if (ts.isIdentifier(argument)) mentioned.add(argument.text);
    ts.forEachChild(argument, handedToHook);
  };
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) functions.push(node);
    if (ts.isCallExpression(node)) {
      const procedure = procedureCalled(node);
      if (procedure !== null && READ_PROCEDURES.has(procedure)) reads.push({ node, procedure });
      const hook = ts.isIdentifier(node.expression) ? node.expression.text : '';
      if (/^use[A-Z]/.test(hook) && !EFFECT_HOOKS.has(hook) && !NOT_RUNNING_HOOKS.has(hook) && !storeHooks.has(hook)) {
        node.arguments.forEach(handedToHook);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);

  // What effects run: their bodies, then every named function they mention, until nothing new is reached.
  for (const fn of functions) if (isEffectBody(fn)) reached.add(fn);
  for (let grew = true; grew;) {
    grew = false;
    for (const fn of reached) for (const name of namesMentioned(fn)) mentioned.add(name);
    for (const fn of functions) {
      const name = nameOf(fn);
      if (!reached.has(fn) && name !== null && mentioned.has(name)) {
        reached.add(fn);
        grew = true;
      }
    }
  }

  const found: EffectRead[] = [];
  const readingFunctions = new Set<string>();
  for (const { node, procedure } of reads) {
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
      if (!isFunction(at)) continue;
      const name = nameOf(at);
      if (name !== null) readingFunctions.add(name);
      if (reached.has(at)) {
        const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ file, line, procedure });
        break;
      }
    }
  }
  return { found, mentionedFromEffects: mentioned, readingFunctions };
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every read run from an effect under `directory`. A store's action (a function in `stores/`) counts when
 * an effect anywhere in the renderer mentions its name: `useEffect(() => { void load(); }, [load])`.
 */
export function effectReadsUnder(root: string, directory: string): EffectRead[] {
  const files = sourceFiles(join(root, directory)).map((path) => ({
    file: relative(root, path),
    source: readFileSync(path, 'utf8'),
  }));
  // A zustand store's hook (`useSession((s) => s.user)`) selects; it runs nothing it is handed.
  const storeHooks = new Set(
    files
      .filter(({ file }) => file.includes('/stores/'))
      .flatMap(({ source }) => [...source.matchAll(/export const (use[A-Z]\w*) = /g)].map((match) => match[1] ?? '')),
  );
  const fromEffects = new Set<string>();
  for (const { file, source } of files) {
    for (const name of effectReadsIn(file, source, new Set(), storeHooks).mentionedFromEffects) fromEffects.add(name);
  }
  return files.flatMap(
    ({ file, source }) =>
      effectReadsIn(file, source, file.includes('/stores/') ? fromEffects : new Set(), storeHooks).found,
  );
}
