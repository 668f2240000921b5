/**
 * The design-token rule for the renderer's style sheets (issue 14): outside tokens.css a style sheet
 * names its colours, spacing, type sizes, radii, line heights and layers through var(--…) only.
 *
 * What a declaration may still hold literally:
 * - colours: `transparent`, `currentColor`, `inherit` and the like (no hex, no rgb()/hsl()/…(), no named colour);
 * - margin, padding, gap, font-size, border-radius, line-height: `0` and `1px` (a border's width, and the
 *   `-1px` that overlaps two borders), keywords (`auto`, `inherit`, `normal`), and unitless factors inside
 *   calc() such as `calc(-1 * var(--space-10))`;
 * - z-index: `0`, `auto`;
 * - everything else (widths, heights, grid tracks, outlines, letter-spacing, @page margins, @media
 *   breakpoints) is not checked: those belong to the one rule or layout that uses them.
 * Custom properties are defined in tokens.css only; the few set inline by a screen are listed in INLINE.
 */

export interface Declaration {
  property: string;
  value: string;
  /** 1-based line of the declaration's property name. */
  line: number;
  /** The at-rule or selector it sits in, innermost first (`@page`, `.card`, `@media print`). */
  within: string[];
}

/** Custom properties a screen sets inline (style={{ '--x': … }}): per-appointment colour, grid shape. */
export const INLINE_PROPERTIES: readonly string[] = ['--type-colour', '--columns', '--axis-width'];

const NAMED_COLOURS = (
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
  'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
  'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
  'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
  'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
  'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
  'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
  'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
  'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
  'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
  'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
  'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
  'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
  'whitesmoke yellow yellowgreen'
).split(' ');

const COLOUR_PROPERTY =
  /^(color|background(-color|-image)?|border(-(top|right|bottom|left|block|inline))?(-color)?|outline(-color)?|fill|stroke|box-shadow|text-shadow|caret-color|accent-color|text-decoration(-color)?|column-rule(-color)?)$/;
const SIZED_PROPERTY =
  /^(margin|padding|gap|row-gap|column-gap|font-size|border(-[a-z-]+)?-radius|line-height)(-[a-z-]+)?$/;
const RAW_COLOUR = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const NAMED_COLOUR = new RegExp(`(^|[\\s,(])(${NAMED_COLOURS.join('|')})(?=$|[\\s,)!])`, 'i');
const VAR_REFERENCE = /var\(\s*(--[\w-]+)\s*\)/g;

/** The declarations of a style sheet, comments removed, at-rule preludes and selectors skipped. */
export function declarationsOf(css: string): Declaration[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: Declaration[] = [];
  const within: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === '{' || c === ';' || c === '}')) {
      const chunk = text.slice(start, i);
      if (c === '{') within.unshift(chunk.trim());
      else {
        const colon = chunk.indexOf(':');
        if (colon > 0 && chunk.trim() !== '') {
          const property = chunk.slice(0, colon).trim().toLowerCase();
          const offset = start + chunk.search(/\S/);
          const line = text.slice(0, offset).split('\n').length;
          found.push({ property, value: chunk.slice(colon + 1).trim(), line, within: [...within] });
        }
        if (c === '}') within.shift();
      }
      start = i + 1;
    }
  }
  return found;
}

/** What one declaration breaks of the rule, or null. */
export function violationOf({ property, value, within }: Declaration): string | null {
  if (property.startsWith('--')) return `defines ${property}: custom properties are defined in tokens.css`;
  const bare = value.replace(/!important/i, '').trim();
  if (RAW_COLOUR.test(bare)) return `raw colour in ${property}: ${value}`;
  if (COLOUR_PROPERTY.test(property) && NAMED_COLOUR.test(bare)) return `named colour in ${property}: ${value}`;
  const withoutTokens = bare.replace(VAR_REFERENCE, ' ');
  // A printed page's margins are paper, in mm: not the screen's spacing.
  if (SIZED_PROPERTY.test(property) && !within.some((rule) => rule.startsWith('@page'))) {
    if (property === 'line-height' && /\d/.test(withoutTokens)) return `raw line-height: ${value}`;
    for (const [length] of withoutTokens.matchAll(/-?\d*\.?\d+[a-z%]+/gi)) {
      if (!/^-?(0[a-z%]*|1px)$/i.test(length)) return `raw length ${length} in ${property}: ${value}`;
    }
  }
  if (property === 'z-index' && /\d/.test(withoutTokens) && !/^0$/.test(withoutTokens.trim())) {
    return `raw z-index: ${value}`;
  }
  return null;
}

/** The custom properties a style sheet refers to through var(). */
export function referencedTokens(css: string): string[] {
  return [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1] ?? '');
}

/** The custom properties tokens.css defines. */
export function definedTokens(css: string): string[] {
  return declarationsOf(css)
    .map((declaration) => declaration.property)
    .filter((property) => property.startsWith('--'));
}
