import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds the English of every refusal main can send, as templates: the text of a message with `{0}`,
 * `{1}`, ... where the code interpolates something (a name, a date). Read from the syntax tree of
 * src-main/core and src-shared, so the catalogue (src-shared/refusals/refusals.en.json) follows the code:
 * tests/unit/refusals-spanish.test.ts runs this and fails when the file differs.
 */

/** zod checks whose string arguments are the message shown when the check fails. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'int',
  'regex',
  'refine',
  'positive',
  'nonnegative',
  'negative',
  'gte',
  'lte',
  'gt',
  'lt',
  'nonempty',
  'multipleOf',
]);
/** Object keys whose string value is a message: zod's `{ message }`/`{ error }`, a booking problem's message. */
const MESSAGE_KEYS = new Set(['message', 'error']);
const HOLE = '\u0000';

export const SCANNED_FOLDERS = ['src-main/core', 'src-shared'];

export interface Found {
  template: string;
  /** Where the code says it (relative path:line), for a translator's context. */
  at: string;
}

/** Every message template in the scanned folders, each once, with the first place it was found. */
export function extractRefusals(root: string): Found[] {
  const files = SCANNED_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)));
  const sources = files.map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  const found = new Map<string, string>();
  const add = (template: string, node: ts.Node) => {
    // Words, not a field's name passed along (`adjustmentId`).
    const words = template.replace(/\{\d+\}/g, '');
    if (!/[A-Za-z]/.test(words) || /^[a-z]+([A-Z][A-Za-z]*|\.[a-z.]+)$/.test(words) || found.has(template)) return;
    const source = node.getSourceFile();
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.set(template, `${relative(root, source.fileName)}:${line}`);
  };
  // A message made by a helper from its parameter (`id('a patient')` says "must be {0} id"): the words
  // callers pass for that parameter are catalogue entries too, so "a patient" is translated inside it.
  const wordedParameters = new Map<string, Set<number>>();
  const addMessage = (expression: ts.Expression) => {
    const templates = templatesOf(expression);
    for (const template of templates) add(template, expression);
    // `${field}: ${problem}` has no words of its own: its parts are names and messages found elsewhere.
    if (!templates.some((template) => /[A-Za-z]/.test(template.replace(/\{\d+\}/g, '')))) return;
    for (const [name, index] of parameterHoles(expression)) {
      const indexes = wordedParameters.get(name) ?? new Set<number>();
      wordedParameters.set(name, indexes.add(index));
    }
  };
  const visitMessages = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && calleeName(node.expression) === 'ApiError') {
      const [, message, details] = node.arguments ?? [];
      if (message) addMessage(message);
      if (details && ts.isObjectLiteralExpression(details)) {
        const fields = propertyValue(details, 'fields');
        if (fields && ts.isObjectLiteralExpression(fields)) {
          for (const property of fields.properties)
            if (ts.isPropertyAssignment(property)) addMessage(property.initializer);
        }
      }
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name === 'fieldError' && node.arguments[1]) addMessage(node.arguments[1]);
      if (ts.isPropertyAccessExpression(node.expression) && ZOD_CHECKS.has(node.expression.name.text)) {
        for (const argument of node.arguments) if (isWordy(argument)) addMessage(argument);
      }
    } else if (ts.isPropertyAssignment(node) && MESSAGE_KEYS.has(propertyName(node.name) ?? '')) {
      addMessage(node.initializer);
    } else if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'message' && node.initializer) {
      addMessage(node.initializer);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /message$/i.test(node.name.text)) {
      if (node.initializer && isWordy(node.initializer)) addMessage(node.initializer);
    }
    ts.forEachChild(node, visitMessages);
  };
  for (const source of sources) visitMessages(source);

  const visitCalls = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const indexes = wordedParameters.get(node.expression.text);
      for (const index of indexes ?? []) {
        const argument = node.arguments[index];
        if (argument && isWordy(argument)) for (const template of templatesOf(argument)) add(template, argument);
      }
    }
    ts.forEachChild(node, visitCalls);
  };
  for (const source of sources) visitCalls(source);
  return [...found].map(([template, at]) => ({ template, at })).sort((a, b) => compare(a.template, b.template));
}

/** The catalogue file's content: English template to itself, sorted, so a diff shows what changed. */
export function englishCatalogue(found: readonly Found[]): Record<string, string> {
  return Object.fromEntries(found.map(({ template }) => [template, template]));
}

export function placeholdersOf(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function propertyValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties)
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === key) return property.initializer;
  return undefined;
}

function isWordy(node: ts.Expression): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node) ||
    ts.isConditionalExpression(node)
  );
}

/** The templates an expression can produce, holes numbered in order; none when it is not made of text. */
export function templatesOf(expression: ts.Expression): string[] {
  return holed(expression).map((text) => {
    let index = 0;
    return text.replaceAll(HOLE, () => `{${index++}}`);
  });
}

function holed(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return holed(node.expression);
  if (ts.isTemplateExpression(node))
    return [node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('')];
  if (ts.isConditionalExpression(node)) return [...holed(node.whenTrue), ...holed(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = holed(node.left);
    const right = holed(node.right);
    if (left.length === 0 && right.length === 0) return [];
    return (left.length ? left : [HOLE]).flatMap((l) => (right.length ? right : [HOLE]).map((r) => l + r));
  }
  return [];
}

/** `${what}` holes that are a parameter of the function the message is written in: [function, index]. */
function parameterHoles(expression: ts.Expression): Array<[string, number]> {
  if (!ts.isTemplateExpression(expression)) return [];
  const holes: Array<[string, number]> = [];
  for (const span of expression.templateSpans) {
    if (!ts.isIdentifier(span.expression)) continue;
    const owner = enclosingFunction(expression);
    const index = owner?.parameters.findIndex(
      (p) => ts.isIdentifier(p.name) && p.name.text === span.expression.getText(),
    );
    const name = owner ? functionName(owner) : undefined;
    if (name && index !== undefined && index >= 0) holes.push([name, index]);
  }
  return holes;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let at = node.parent; at; at = at.parent)
    if (ts.isArrowFunction(at) || ts.isFunctionDeclaration(at) || ts.isFunctionExpression(at)) return at;
  return undefined;
}

function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}
