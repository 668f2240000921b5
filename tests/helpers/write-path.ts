import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The write-path rule (issue 14 item 2, docs/architecture.md "One write path"): every INSERT, UPDATE,
 * DELETE or REPLACE on a table happens in a repository file, so that sync can capture each change at one
 * place. A repository file is named `repository.ts` or `<aggregate>-repository.ts`.
 */
export function isRepositoryFile(path: string): boolean {
  return /(^|\/)([a-z0-9]+(-[a-z0-9]+)*-)?repository\.ts$/.test(path);
}

/** Kysely's write builders, and raw SQL that writes (upper-case keywords, as every statement here is written). */
const WRITE_PATTERNS: readonly RegExp[] = [
  /\.(insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/,
  /\bINSERT\s+(OR\s+[A-Z]+\s+)?INTO\b/,
  /\bREPLACE\s+INTO\b/,
  /\bUPDATE\s+\S+\s+SET\b/,
  /\bDELETE\s+FROM\b/,
];

/** The 1-based lines of `source` that write, with comments left out (a comment may say "DELETE FROM"). */
export function writeLines(source: string): number[] {
  const lines = source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).split('\n');
  const found: number[] = [];
  lines.forEach((line, index) => {
    const code = line.replace(/(^|[^:'"`])\/\/.*$/, '$1');
    if (WRITE_PATTERNS.some((pattern) => pattern.test(code))) found.push(index + 1);
  });
  return found;
}

/** Every .ts file under `dir`, as paths relative to `root` with forward slashes. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(root, path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
      out.push(relative(root, join(root, path)).split('\\').join('/'));
  }
  return out;
}

export function writingFiles(root: string, dir: string): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const file of sourceFiles(root, dir)) {
    const lines = writeLines(readFileSync(join(root, file), 'utf8'));
    if (lines.length > 0) result.set(file, lines);
  }
  return result;
}
