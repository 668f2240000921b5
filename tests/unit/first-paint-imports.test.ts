import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** What a module needs loaded before it runs: its value imports and re-exports, not `import type` nor `import()`. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const typesOnly =
        clause?.phaseModifier === ts.SyntaxKind.TypeKeyword ||
        (clause !== undefined &&
          clause.name === undefined &&
          bindings !== undefined &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((element) => element.isTypeOnly));
      if (!typesOnly) found.push(statement.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every module the sign-in page runs before it paints, and the packages among them. */
function firstPaint(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>([entry]);
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = resolveLocal(file, specifier);
      if (target && !files.has(target)) {
        files.add(target);
        queue.push(target);
      }
    }
  }
  return { files, packages };
}

describe('what the sign-in page loads before it paints', () => {
  it('leaves out the procedures’ schemas and zod: they load after the first screen, for checking drafts', () => {
    const { files, packages } = firstPaint(join(ROOT, 'src-renderer/src/main.tsx'));
    const names = [...files].map((file) => relative(ROOT, file));
    // Signing in itself is in: the screens, the bridge, the session and the catalogue.
    expect(names).toContain('src-renderer/src/screens/login/LoginScreen.tsx');
    expect(names).toContain('src-renderer/src/api.ts');
    expect(names.filter((name) => name.startsWith('src-shared/api/areas/'))).toEqual([]);
    expect(names).not.toContain('src-shared/api/contract.ts');
    expect(names).not.toContain('src-renderer/src/draft-refusal.ts');
    expect([...packages].filter((name) => name === 'zod' || name.startsWith('zod/'))).toEqual([]);
  });

  it('words sign-in from its own part of the English catalogue, not every screen’s', () => {
    const names = [...firstPaint(join(ROOT, 'src-renderer/src/main.tsx')).files].map((file) => relative(ROOT, file));
    expect(names).toContain('src-renderer/src/i18n/sign-in-catalogue.ts');
    expect(names).not.toContain('src-renderer/src/i18n/screens-catalogue.ts');
    expect(names).not.toContain('src-renderer/src/i18n/resources.ts');
  });

  it('has every chunk behind sign-in add the screens’ English before it renders', () => {
    for (const entry of [
      'screens/frame/AppFrame.tsx',
      'screens/setup/SetupScreen.tsx',
      'screens/backups/RecoveryScreen.tsx',
    ]) {
      const names = [...firstPaint(join(ROOT, 'src-renderer/src', entry)).files].map((file) => relative(ROOT, file));
      expect(names, entry).toContain('src-renderer/src/i18n/screens.ts');
    }
  });

  it('has the frame load them itself, so no screen behind sign-in renders a form before its checks', () => {
    const { files } = firstPaint(join(ROOT, 'src-renderer/src/screens/frame/AppFrame.tsx'));
    expect([...files].map((file) => relative(ROOT, file))).toContain('src-renderer/src/draft-refusal.ts');
  });
});
