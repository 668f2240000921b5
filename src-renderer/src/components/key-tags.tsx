import type { ReactElement } from 'react';

/**
 * The `components` of a `<Trans>` hint that names keys: `<kbd>`, `<kbd2>` … `<kbd10>` in its catalogue
 * sentence (`"<kbd>Alt+N</kbd> adds a service, <kbd2>Enter</kbd2> …"`) are each drawn as a `<kbd>`.
 */
export const KEY_TAGS: Readonly<Record<string, ReactElement>> = {
  kbd: <kbd />,
  kbd2: <kbd />,
  kbd3: <kbd />,
  kbd4: <kbd />,
  kbd5: <kbd />,
  kbd6: <kbd />,
  kbd7: <kbd />,
  kbd8: <kbd />,
  kbd9: <kbd />,
  kbd10: <kbd />,
};
