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

/**
 * Any SQL at all, reads included (issue 14 item 1: handlers and services hold no SQL): Kysely's query
 * builders, the `sql` template and its helpers, and the raw connection's statements and pragmas.
 */
const SQL_PATTERNS: readonly RegExp[] = [
  ...WRITE_PATTERNS,
  /\.(selectFrom|selectNoFrom)\s*\(/,
  /\bsql(<[^`]*>)?`/,
  /\bsql\.(raw|ref|join|id|lit|table|val)\s*\(/,
  /\.(prepare|pragma)\s*\(/,
  /\b(handle|connection)\.exec\s*\(/,
];

function matchingLines(source: string, patterns: readonly RegExp[]): number[] {
  const lines = source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).split('\n');
  const found: number[] = [];
  lines.forEach((line, index) => {
    const code = line.replace(/(^|[^:'"`])\/\/.*$/, '$1');
    if (patterns.some((pattern) => pattern.test(code))) found.push(index + 1);
  });
  return found;
}

/** The 1-based lines of `source` that write, with comments left out (a comment may say "DELETE FROM"). */
export function writeLines(source: string): number[] {
  return matchingLines(source, WRITE_PATTERNS);
}

/** The 1-based lines of `source` that hold SQL of any kind, comments left out. */
export function sqlLines(source: string): number[] {
  return matchingLines(source, SQL_PATTERNS);
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

function filesWith(root: string, dir: string, lines: (source: string) => number[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const file of sourceFiles(root, dir)) {
    const found = lines(readFileSync(join(root, file), 'utf8'));
    if (found.length > 0) result.set(file, found);
  }
  return result;
}

export function writingFiles(root: string, dir: string): Map<string, number[]> {
  return filesWith(root, dir, writeLines);
}

export function sqlFiles(root: string, dir: string): Map<string, number[]> {
  return filesWith(root, dir, sqlLines);
}
