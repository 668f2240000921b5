import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Placeholder values that are English words written in code: `t('key', { value: n === 1 ? '' : 's' })`
 * or `{ status: 'closed' }`. A translator never sees those words, so each must be a catalogue sentence of
 * its own (a plural, a context, or another key). Literals that are not shown are let through: a nested
 * `t('other.key')`'s key and the `context` chosen.
 */
export interface WordedPlaceholder {
  file: string;
  line: number;
  placeholder: string;
  literal: string;
}

/** Options that are not put into the sentence. */
const NOT_SHOWN = new Set(['context', 'ns', 'lng', 'keyPrefix']);

/** Index just past the string or template literal that starts at `start` (template `${}` nesting kept). */
function endOfLiteral(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && text[i + 1] === '{') i = endOfGroup(text, i + 1);
    else i += 1;
  }
  return i;
}

/** Index just past the bracket group opening at `open`. */
function endOfGroup(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      i = endOfLiteral(text, i);
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth += 1;
    else if (c === ')' || c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return i;
}

/** `text` split at its commas outside brackets and literals. */
function topLevelParts(text: string): { part: string; at: number }[] {
  const parts: { part: string; at: number }[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') i = endOfLiteral(text, i);
    else if (c === '(' || c === '{' || c === '[') i = endOfGroup(text, i);
    else if (c === ',') {
      parts.push({ part: text.slice(start, i), at: start });
      start = i + 1;
      i += 1;
    } else i += 1;
  }
  parts.push({ part: text.slice(start), at: start });
  return parts;
}

/** A literal's own text, and for a template the expressions inside its `${}`. */
function staticText(literal: string): { text: string; inner: string[] } {
  if (!literal.startsWith('`')) return { text: literal.slice(1, -1), inner: [] };
  let text = '';
  const inner: string[] = [];
  let i = 1;
  while (i < literal.length - 1) {
    if (literal[i] === '\\') {
      text += literal.slice(i, i + 2);
      i += 2;
    } else if (literal[i] === '$' && literal[i + 1] === '{') {
      const end = endOfGroup(literal, i + 1);
      inner.push(literal.slice(i + 2, end - 1));
      i = end;
    } else {
      text += literal.charAt(i);
      i += 1;
    }
  }
  return { text, inner };
}

/** The literals in `expression` with a letter in their own text, except a nested `t()`'s key. */
function wordedLiterals(expression: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = endOfLiteral(expression, i);
      const literal = expression.slice(i, end);
      const before = expression.slice(0, i);
      // A nested `t('other.key')`'s key, a value compared (`=== 'checked_out'`) or an index are not shown.
      const isKey = /(?<![\w$])t\(\s*$/.test(before) || /(===|!==|==|!=|\[)\s*$/.test(before);
      const { text, inner } = staticText(literal);
      if (!isKey && /[A-Za-z]/.test(text)) found.push(literal);
      // `${name}${severe ? ' (severe)' : ''}`: the pieces inside a template count too.
      for (const expression of inner) found.push(...wordedLiterals(expression));
      i = end;
    } else i += 1;
  }
  return found;
}

export function wordedPlaceholdersIn(file: string, source: string): WordedPlaceholder[] {
  const found: WordedPlaceholder[] = [];
  const call = /(?<![\w$])t\(/g;
  for (let match = call.exec(source); match; match = call.exec(source)) {
    const open = match.index + match[0].length - 1;
    const args = topLevelParts(source.slice(open + 1, endOfGroup(source, open) - 1));
    const options = args[1];
    if (!options) continue;
    const body = options.part.trim();
    if (!body.startsWith('{')) continue;
    const bodyAt = open + 1 + options.at + options.part.indexOf('{') + 1;
    for (const { part, at } of topLevelParts(body.slice(1, body.lastIndexOf('}')))) {
      const colon = part.indexOf(':');
      if (colon < 0) continue; // shorthand `{ count }`: a variable, not a literal
      const placeholder = part.slice(0, colon).trim();
      if (NOT_SHOWN.has(placeholder)) continue;
      for (const literal of wordedLiterals(part.slice(colon + 1))) {
        const lead = part.length - part.trimStart().length;
        const line = source.slice(0, bodyAt + at + lead).split('\n').length;
        found.push({ file, line, placeholder, literal });
      }
    }
  }
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

export function wordedPlaceholdersUnder(root: string, directory: string): WordedPlaceholder[] {
  return sourceFiles(join(root, directory)).flatMap((path) =>
    wordedPlaceholdersIn(relative(root, path), readFileSync(path, 'utf8')),
  );
}
