import { screen } from '@testing-library/react';

/** The message shown under a field (its error, else its hint), found through the field's own description. */
export function messageOf(label: string): string {
  const field = screen.getByLabelText(label);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}
