import type { ReactElement } from 'react';

/**
 * The `components` of a `<Trans>` hint that names keys: `<kbd>`, `<kbd2>` … `<kbd12>` in its catalogue
 * sentence (`"<kbd>Alt+N</kbd> adds a service, <kbd2>Enter</kbd2> …"`) are each drawn as a `<kbd>`.
 */
export const KEY_TAGS: Readonly<Record<string, ReactElement>> = Object.fromEntries(
  ['kbd', ...Array.from({ length: 11 }, (_, index) => `kbd${String(index + 2)}`)].map((name) => [
    name,
    <kbd key={name} />,
  ]),
);
