import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * What one renderer file does about checking its forms as they are typed (issue 14 item 10): every
 * `useFormErrors(values, check)` is handed a check (`() => draftProblems('<procedure>', input)`), and a
 * file that renders a `<form>` calls `useFormErrors` with a check or a hook that does (`useSetupSave`).
 * It reads the syntax tree, so a comment or a string that merely says `useFormErrors(` never counts.
 */
export interface FormChecks {
  file: string;
  /** Lines where `useFormErrors` is called without a check. */
  unchecked: number[];
  /** Whether some `useFormErrors` call here is handed a check. */
  checks: boolean;
  /** Hooks this file calls (`useSetupSave`), to be matched against the hooks that check. */
  hooksCalled: string[];
  /** Hooks this file declares (`function useSetupSave`, `const useX = ...`) that call `useFormErrors` with a check. */
  checkingHooks: string[];
  /** The line of the first `<form` rendered here, or null. */
  formLine: number | null;
}

const HOOK = /^use[A-Z]/;

/** The name of the function or hook `node` sits in, when it is a declared one. */
function enclosingName(node: ts.Node): string | null {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isFunctionDeclaration(current) && current.name) return current.name.text;
    if (
      (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) &&
      ts.isVariableDeclaration(current.parent) &&
      ts.isIdentifier(current.parent.name)
    ) {
      return current.parent.name.text;
    }
  }
  return null;
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
      if (name === 'useFormErrors') {
        if (isCheck(node.arguments[1])) {
          result.checks = true;
          const hook = enclosingName(node);
          if (hook && HOOK.test(hook) && !result.checkingHooks.includes(hook)) result.checkingHooks.push(hook);
        } else {
          result.unchecked.push(line(node));
        }
      } else if (HOOK.test(name) && !result.hooksCalled.includes(name)) {
        result.hooksCalled.push(name);
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
  const checkingHooks = new Set(files.flatMap((found) => found.checkingHooks));
  return files.flatMap((found) => {
    const problems = found.unchecked.map((at) => `${found.file}:${at} useFormErrors is given no check`);
    const checked = found.checks || found.hooksCalled.some((hook) => checkingHooks.has(hook));
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
