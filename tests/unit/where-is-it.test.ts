import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Row {
  action: string;
  screen: string;
  procedure: string;
  handler: string;
  service: string;
  repository: string;
}

/** The rows of docs/architecture.md's "Where is it" table. */
function whereIsIt(): Row[] {
  const doc = read('docs/architecture.md');
  const start = doc.indexOf('### Where is it');
  const end = doc.indexOf('\n## ', start);
  return doc
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Action') && !line.startsWith('| ---'))
    .map((line) => {
      const [action = '', screen = '', procedure = '', handler = '', service = '', repository = ''] = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      return { action, screen, procedure, handler, service, repository };
    });
}

/** The backticked file names in a cell. */
const files = (cell: string) => [...cell.matchAll(/`([^`\s]+\.tsx?)`/g)].map((match) => match[1] ?? '');
const procedures = (cell: string) => [...cell.matchAll(/`([a-z]+\.[a-zA-Z]+)`/g)].map((match) => match[1] ?? '');

/**
 * A name without a folder is in the folder of the name before it in the same cell
 * (`patients/repository.ts`, `contact-repository.ts`).
 */
function resolve(cell: string, bases: readonly string[]): { name: string; path: string | null }[] {
  let folder = '';
  return files(cell).map((name) => {
    const relative = name.includes('/') ? name : join(folder, name);
    if (name.includes('/')) folder = name.slice(0, name.lastIndexOf('/'));
    const path = bases.map((base) => join(base, relative)).find((candidate) => existsSync(join(ROOT, candidate)));
    return { name, path: path ?? null };
  });
}

const SCREENS = ['src-renderer/src/screens', 'src-renderer/src'];
const HANDLERS = ['src-main/core/api/handlers'];
const CORE = ['src-main/core'];

describe('docs/architecture.md "Where is it"', () => {
  const rows = whereIsIt();

  it('has the actions a newcomer looks for', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const action of ['Register a patient', 'Book', 'Check in', 'Record vitals', 'Take a payment', 'Back up now'])
      expect(rows.map((row) => row.action)).toContain(action);
  });

  it('names files that exist', () => {
    const missing = rows.flatMap((row) =>
      [
        ...resolve(row.screen, SCREENS),
        ...resolve(row.handler, HANDLERS),
        ...resolve(row.service, CORE),
        ...resolve(row.repository, CORE),
      ]
        .filter((file) => file.path === null)
        .map((file) => `${row.action}: ${file.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('names procedures that the contract declares, the handler implements and the screen calls', () => {
    const wrong = rows.flatMap((row) => {
      const handlers = resolve(row.handler, HANDLERS).map((file) => (file.path ? read(file.path) : ''));
      const screens = resolve(row.screen, SCREENS).map((file) => (file.path ? read(file.path) : ''));
      return procedures(row.procedure).flatMap((name) => {
        const area = `src-shared/api/areas/${name.split('.')[0] ?? ''}.ts`;
        const quoted = `'${name}'`;
        const problems: string[] = [];
        if (!existsSync(join(ROOT, area)) || !read(area).includes(quoted)) problems.push(`${name} not in ${area}`);
        if (!handlers.some((text) => text.includes(quoted))) problems.push(`${name} not in its handler`);
        if (!screens.some((text) => text.includes(quoted))) problems.push(`${name} not called by its screen`);
        return problems.map((problem) => `${row.action}: ${problem}`);
      });
    });
    expect(wrong).toEqual([]);
  });
});
