import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INLINE_PROPERTIES, declarationsOf, definedTokens, referencedTokens, violationOf } from '../helpers/css-tokens';

const ROOT = new URL('../..', import.meta.url).pathname;
const RENDERER = join(ROOT, 'src-renderer/src');
const TOKENS = join(RENDERER, 'tokens.css');

function styleSheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return styleSheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Every breach of the rule in one style sheet's text, as `file:line message`. */
function breaches(name: string, css: string): string[] {
  return declarationsOf(css).flatMap((declaration) => {
    const problem = violationOf(declaration);
    return problem ? [`${name}:${declaration.line} ${problem}`] : [];
  });
}

const sheets = styleSheets(RENDERER).filter((path) => path !== TOKENS);
const tokens = new Set(definedTokens(readFileSync(TOKENS, 'utf8')));

/** Issue 14: colours, spacing, type sizes and density as design tokens in one place (tokens.css). */
describe('design tokens', () => {
  it('finds the renderer style sheets and the tokens they are written in', () => {
    expect(sheets.map((path) => relative(RENDERER, path))).toContain('styles.css');
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(RENDERER, 'styles.css'), 'utf8')).toMatch(
      /^(\/\*[^]*?\*\/\s*)?@import '\.\/tokens\.css';/,
    );
    for (const name of ['--ink', '--accent', '--space-20', '--text-100', '--radius-control', '--control-padding-y']) {
      expect(tokens.has(name), name).toBe(true);
    }
  });

  it('keeps raw colours and raw spacing, type, radius, line-height and layer values out of every style sheet but tokens.css', () => {
    const found = sheets.flatMap((path) => breaches(relative(ROOT, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('refers only to tokens that tokens.css defines (or that a screen sets inline)', () => {
    const unknown = sheets.flatMap((path) =>
      referencedTokens(readFileSync(path, 'utf8'))
        .filter((name) => !tokens.has(name) && !INLINE_PROPERTIES.includes(name))
        .map((name) => `${relative(ROOT, path)}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('draws the calendar rows at the height the day grid places appointments by', () => {
    // Read as text: the renderer's modules are not part of the Node test project.
    const rowPx = /export const ROW_PX = (\d+);/.exec(
      readFileSync(join(RENDERER, 'screens/calendar/layout.ts'), 'utf8'),
    );
    const row = declarationsOf(readFileSync(TOKENS, 'utf8')).find((d) => d.property === '--cal-row');
    expect(rowPx?.[1]).toBeDefined();
    expect(row?.value).toBe(`${rowPx?.[1]}px`);
  });

  it('catches a planted raw colour, spacing, type size, radius, line height and layer', () => {
    const planted = [
      '.a { color: #1f5fa8; }',
      '.b { background: rgb(31 95 168 / 8%); }',
      '.c { border: 1px solid hsl(0 0% 50%); }',
      '.d { color: white; }',
      '.e { box-shadow: 0 1px 3px rgba(0, 0, 0, 0.06); }',
      '.f { padding: 0.5rem 1rem; }',
      '.g { margin: 0 0 12px; }',
      '.h { gap: var(--space-10) 1em; }',
      '.i { font-size: 15px; }',
      '.j { border-radius: 5px; }',
      '.k { line-height: 1.2; }',
      '.l { z-index: 4; }',
      '.m { --brand: #123456; }',
      '@media print { .n { background: black !important; } }',
    ].join('\n');
    const found = breaches('planted.css', planted);
    expect(found).toHaveLength(14);
    expect(found[0]).toBe('planted.css:1 raw colour in color: #1f5fa8');
    expect(found[7]).toContain('raw length 1em in gap');
  });

  it('lets tokens, 0, 1px borders, keywords and the printed page through', () => {
    const clean = [
      '.a { color: var(--accent); background: var(--surface) !important; }',
      '.b { padding: var(--control-padding-y) var(--button-padding-x); margin: 0 0 var(--space-20); }',
      '.c { margin: calc(-1 * var(--space-10)) 0 0; margin-left: -1px; gap: 0; }',
      '.d { border: 1px solid transparent; border-left: 4px solid var(--type-colour); outline: 2px solid var(--focus); }',
      '.e { font-size: var(--text-85); border-radius: var(--radius-md) var(--radius-md) 0 0; line-height: var(--cal-row); }',
      '.f { z-index: var(--z-cal-ghost); width: min(26rem, 100%); white-space: nowrap; font: inherit; }',
      '.g { background: color-mix(in srgb, var(--type-colour) 16%, var(--surface)); color: currentColor; }',
      '@page { size: A4; margin: 18mm; }',
      '@media (max-width: 1100px) { .h { grid-template-columns: 1fr; } }',
    ].join('\n');
    expect(breaches('clean.css', clean)).toEqual([]);
  });
});
