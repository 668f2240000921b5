import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api/contract';
import { REPO_ROOT } from '../helpers/run-cli';

/**
 * Issue 14's one shape: the procedures `x.*` are declared in `src-shared/api/areas/x.ts` and handled in
 * `src-main/core/api/handlers/x.ts`, one prefix per file, so that a procedure's name says where it is.
 * Handler files without procedures of their own are helpers shared by several (`setup-changed.ts` …).
 */
const AREAS = 'src-shared/api/areas';
const HANDLERS = 'src-main/core/api/handlers';

async function declaredIn(folder: string, exportSuffix: string): Promise<Map<string, string[]>> {
  const byFile = new Map<string, string[]>();
  for (const file of readdirSync(join(REPO_ROOT, folder)).filter((name) => name.endsWith('.ts'))) {
    const module = (await import(join(REPO_ROOT, folder, file))) as Record<string, unknown>;
    const names = Object.entries(module)
      .filter(([name, value]) => name.endsWith(exportSuffix) && typeof value === 'object' && value !== null)
      .flatMap(([, value]) => Object.keys(value as object));
    byFile.set(basename(file, '.ts'), names);
  }
  return byFile;
}

function misplaced(byFile: Map<string, string[]>): string[] {
  return [...byFile].flatMap(([file, names]) =>
    names.filter((name) => name.split('.')[0] !== file).map((name) => `${name} in ${file}.ts`),
  );
}

describe('procedure files follow procedure names', () => {
  it('each contract area declares only its own prefix, and every prefix has its area', async () => {
    const areas = await declaredIn(AREAS, 'Procedures');
    expect(misplaced(areas)).toEqual([]);
    const prefixes = new Set(Object.keys(contract).map((name) => name.split('.')[0]));
    expect([...prefixes].filter((prefix) => !areas.get(prefix ?? '')?.length)).toEqual([]);
  });

  it('each handler file handles only its own prefix, and every prefix has its handler file', async () => {
    const handlers = await declaredIn(HANDLERS, 'Handlers');
    handlers.delete('index');
    expect(misplaced(handlers)).toEqual([]);
    const prefixes = new Set(Object.keys(contract).map((name) => name.split('.')[0]));
    expect([...prefixes].filter((prefix) => !handlers.get(prefix ?? '')?.length)).toEqual([]);
  });
});
