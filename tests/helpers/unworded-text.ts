import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds words a person would read on screen that do not come from the catalogue (`t(...)`): text between
 * JSX tags, word-like values of attributes that are shown (label, placeholder, title, aria-label...), and
 * word-like string literals anywhere else in the renderer (a status label map, an error set in state, a
 * button's caption chosen by a condition). It reads the syntax tree, so comments and types never count.
 */

/** Attributes whose values are never shown: identifiers, CSS, ARIA references, keyboard and input hints. */
const HIDDEN_ATTRIBUTES = new Set([
  'className',
  'id',
  'key',
  'type',
  'name',
  'role',
  'htmlFor',
  'autoComplete',
  'inputMode',
  'href',
  'method',
  'pattern',
  'lang',
  'dir',
  'rel',
  'target',
  'src',
  'accept',
  'step',
  'min',
  'max',
  'form',
  'scope',
  'enterKeyHint',
  'aria-live',
  'aria-describedby',
  'aria-controls',
  'aria-labelledby',
  'aria-current',
  'aria-sort',
  'aria-haspopup',
  'aria-expanded',
  'aria-invalid',
  'aria-hidden',
  'aria-atomic',
  'i18nKey',
]);

/** Object properties and call arguments that hold identifiers, not words: procedure names, codes, CSS. */
const HIDDEN_PROPERTIES = new Set([
  'className',
  'code',
  'id',
  'key',
  'type',
  'status',
  'kind',
  'name',
  'topic',
  'mode',
]);

/** Keyboard key names are compared with `event.key`; they are not shown. */
const KEY_NAMES =
  /^(Enter|Escape|Tab|Backspace|Delete|Home|End|PageUp|PageDown|Arrow(Up|Down|Left|Right)|F\d{1,2}|Shift|Control|Alt|Meta)$/;

/** Functions whose string arguments are identifiers or keys, not words. */
const KEY_TAKING_CALLS = new Set([
  't',
  'call',
  'useProcedure',
  'on',
  'emit',
  'getElementById',
  'querySelector',
  'querySelectorAll',
  'addEventListener',
  'removeEventListener',
  'Error',
  'startsWith',
  'endsWith',
  'includes',
  'split',
  'replace',
  'join',
  'navigate',
  'format',
  'setItem',
  'getItem',
]);

/** Looks like words a person reads: a capitalised word, or two words with a space between. */
export function looksLikeWords(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || KEY_NAMES.test(trimmed)) return false;
  // A slash is a path or a MIME type ("text/csv"), unless it joins two words as a label does ("Over/short").
  if (/[/\\]|^[.#]|=>|\{\{/.test(trimmed) && !/^[A-Z][a-z]+\/[a-z]+$/.test(trimmed)) return false;
  return /^[A-Z][a-z’']/.test(trimmed) || /[A-Za-z]{2,}[’']?[a-z]*[ ,]+([A-Za-z][ ,]+)?[A-Za-z]{2,}/.test(trimmed);
}

export interface UnwordedText {
  file: string;
  line: number;
  text: string;
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

const LOGICAL = new Set([
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

function calleeName(expression: ts.Expression): string | null {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return null;
}

/** Climbs out of conditions, fallbacks and brackets: `className={open ? 'card wide' : 'card'}`. */
function placeOf(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    const passesThrough =
      ts.isParenthesizedExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== current) ||
      (ts.isBinaryExpression(parent) && LOGICAL.has(parent.operatorToken.kind)) ||
      ts.isTemplateSpan(parent) ||
      ts.isArrayLiteralExpression(parent);
    if (!passesThrough) return current;
    current = ts.isTemplateSpan(parent) ? parent.parent : parent;
  }
}

function isExempt(literal: ts.Node): boolean {
  const node = placeOf(literal);
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isExternalModuleReference(parent) || ts.isElementAccessExpression(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && HIDDEN_PROPERTIES.has(parent.name.text)) {
    return true;
  }
  if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) return true;
  if (ts.isCaseClause(parent)) return true;
  if (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
    parent.arguments?.includes(node as ts.Expression)
  ) {
    const name = calleeName(parent.expression);
    if (name !== null && KEY_TAKING_CALLS.has(name)) return true;
  }
  if (ts.isJsxAttribute(parent) || (ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent))) {
    const attribute = ts.isJsxAttribute(parent) ? parent : (parent.parent as ts.JsxAttribute);
    const name = attribute.name.getText();
    return HIDDEN_ATTRIBUTES.has(name) || name.startsWith('data-');
  }
  return false;
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return '';
}

/** Properties whose value is shown as it is, however short: `{ value: 'weekly', label: 'weeks' }`. */
const SHOWN_PROPERTIES = new Set(['label', 'title', 'hint', 'placeholder']);

function isShownProperty(literal: ts.Node): boolean {
  const parent = placeOf(literal).parent;
  return ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && SHOWN_PROPERTIES.has(parent.name.text);
}

/** `${top}px`: a length's unit after a value is not a word. */
const CSS_UNIT = /^(px|em|rem|ms|vh|vw|deg|fr|ch)\b/;

/** A string or template literal that holds words a person reads and is not in a place that hides it. */
export function isUnwordedLiteral(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (/[A-Za-z]{2,}/.test(node.text) && isShownProperty(node)) return true;
    return looksLikeWords(node.text) && !isExempt(node);
  }
  if (ts.isTemplateExpression(node)) {
    const pieces = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    const sentence = pieces.join('{x}');
    const worded =
      pieces.some(
        (piece) => looksLikeWords(piece) || (/(^|\s)[a-z]{2,}(\s|$)/.test(piece) && !CSS_UNIT.test(piece.trim())),
      ) || /[A-Za-z]{2,} ?\{x\} ?[A-Za-z]{2,}/.test(sentence);
    return worded && !isExempt(node);
  }
  return false;
}

/** Every piece of unworded text in one source file. */
export function unwordedTextIn(file: string, source: string): UnwordedText[] {
  const tree = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: UnwordedText[] = [];
  const report = (node: ts.Node, text: string) => {
    found.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/[A-Za-z]/.test(node.text)) report(node, node.text);
    } else if (isUnwordedLiteral(node)) {
      report(node, literalText(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Unworded text in every renderer source file under `directory`, paths relative to `root`. */
export function unwordedTextUnder(root: string, directory: string): UnwordedText[] {
  return sourceFiles(join(root, directory)).flatMap((path) =>
    unwordedTextIn(relative(root, path), readFileSync(path, 'utf8')),
  );
}
