import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const LIMIT = 400;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Issue 14: small files with one purpose. A core file past the limit is split by what it is about. */
describe('core file sizes', () => {
  it(`keeps every file in src-main/core at or under ${LIMIT} lines`, () => {
    const over = sources(join(ROOT, 'src-main/core'))
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((entry) => entry.lines > LIMIT)
      .map((entry) => `${entry.file}: ${entry.lines} lines`);
    expect(over).toEqual([]);
  });
});
