import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * What one renderer file does about checking its forms as they are typed (issue 14 item 10): every
 * `useFormErrors(values, check)` is handed a check (`() => draftProblems('<procedure>', input)`), and a
 * file that renders a `<form>` calls `useFormErrors` with a check or a hook that does (`useSetupSave`);
 * a hook that only hands on a check it is given (`useSetupSave(editing, onSaved, values, check)`) counts
 * only where it is given one. It reads the syntax tree, so a comment or a string that merely says
 * `useFormErrors(` never counts.
 */
export interface FormChecks {
  file: string;
  /** Lines where `useFormErrors` is called without a check. */
  unchecked: number[];
  /** Whether some `useFormErrors` call here is handed a check. */
  checks: boolean;
  /** Hooks this file calls (`useSetupSave`), with which of their arguments are there: matched against the hooks that check. */
  hooksCalled: HookCall[];
  /** Hooks this file declares (`function useSetupSave`, `const useX = ...`) that call `useFormErrors` with a check. */
  checkingHooks: CheckingHook[];
  /** The line of the first `<form` rendered here, or null. */
  formLine: number | null;
}

export interface HookCall {
  name: string;
  line: number;
  /** Per argument: whether it is there (and not `undefined` written out). */
  given: boolean[];
  /** The hook this call is made in (`useRecordEditor` calling `useCheckedSave`), or null. */
  within: string | null;
}

export interface CheckingHook {
  name: string;
  /** The parameter whose check it hands on to `useFormErrors`, or null when the check is its own. */
  forwards: number | null;
}

const HOOK = /^use[A-Z]/;

/** The declared function or hook `node` sits in (`function useX`, `const useX = () =>`), with its name. */
function enclosingFunction(node: ts.Node): { name: string; declaration: ts.SignatureDeclaration } | null {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isFunctionDeclaration(current) && current.name) return { name: current.name.text, declaration: current };
    if (
      (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) &&
      ts.isVariableDeclaration(current.parent) &&
      ts.isIdentifier(current.parent.name)
    ) {
      return { name: current.parent.name.text, declaration: current };
    }
  }
  return null;
}

/** Which parameter of `declaration` the check is, when it is one of them by name. */
function parameterIndex(declaration: ts.SignatureDeclaration, check: ts.Expression): number | null {
  if (!ts.isIdentifier(check)) return null;
  const index = declaration.parameters.findIndex(
    (parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === check.text,
  );
  return index >= 0 ? index : null;
}

/** Whether a call's argument is a check at all (`undefined` written out is none). */
function isCheck(argument: ts.Expression | undefined): boolean {
  return argument !== undefined && !(ts.isIdentifier(argument) && argument.text === 'undefined');
}

export function formChecksIn(file: string, source: string): FormChecks {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const line = (node: ts.Node) => tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
  const result: FormChecks = {
    file,
    unchecked: [],
    checks: false,
    hooksCalled: [],
    checkingHooks: [],
    formLine: null,
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const check = node.arguments[1];
      if (name === 'useFormErrors') {
        if (check && isCheck(check)) {
          const hook = enclosingFunction(node);
          if (hook && HOOK.test(hook.name)) {
            const forwards = parameterIndex(hook.declaration, check);
            result.checkingHooks.push({ name: hook.name, forwards });
            // A check handed on from the hook's caller is the caller's to give (and is checked there).
            if (forwards === null) result.checks = true;
          } else {
            result.checks = true;
          }
        } else {
          result.unchecked.push(line(node));
        }
      } else if (HOOK.test(name)) {
        const hook = enclosingFunction(node);
        result.hooksCalled.push({
          name,
          line: line(node),
          given: node.arguments.map((argument) => isCheck(argument)),
          within: hook && HOOK.test(hook.name) ? hook.name : null,
        });
      }
    }
    if (
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
      ts.isIdentifier(node.tagName) &&
      node.tagName.text === 'form' &&
      result.formLine === null
    ) {
      result.formLine = line(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return result;
}

/** What is wrong across a set of files: each finding names the file and line, for the test's message. */
export function formCheckProblems(files: readonly FormChecks[]): string[] {
  const checkingHooks = new Map(
    files.flatMap((found) => found.checkingHooks.map((hook) => [hook.name, hook.forwards])),
  );
  // A hook that hands a checking hook a check of its own checks too (`useRecordEditor` → `useCheckedSave`).
  const gives = (call: HookCall): boolean => {
    const forwards = checkingHooks.get(call.name);
    return forwards === null || (forwards !== undefined && call.given[forwards] === true);
  };
  for (let grew = true; grew;) {
    grew = false;
    for (const call of files.flatMap((found) => found.hooksCalled)) {
      if (call.within !== null && !checkingHooks.has(call.within) && gives(call)) {
        checkingHooks.set(call.within, null);
        grew = true;
      }
    }
  }
  return files.flatMap((found) => {
    const problems = found.unchecked.map((at) => `${found.file}:${at} useFormErrors is given no check`);
    let checked = found.checks;
    for (const call of found.hooksCalled) {
      const forwards = checkingHooks.get(call.name);
      if (forwards === undefined) continue;
      if (forwards === null || call.given[forwards] === true) checked = true;
      else problems.push(`${found.file}:${call.line} ${call.name} is given no check`);
    }
    if (found.formLine !== null && found.file.endsWith('.tsx') && !checked) {
      problems.push(`${found.file}:${found.formLine} renders a <form> that nothing checks as it is typed`);
    }
    return problems;
  });
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every renderer source file under `directory` (relative to `root`), read. */
export function formChecksUnder(root: string, directory: string): FormChecks[] {
  return sourceFiles(join(root, directory)).map((path) =>
    formChecksIn(relative(root, path), readFileSync(path, 'utf8')),
  );
}
