/**
 * Reminder message templates: plain text with `{name}` placeholders. Pure, so that the settings form
 * can check a template as it is typed and main renders exactly the same way.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'firstName',
  'lastName',
  'clinic',
  'provider',
  'date',
  'weekday',
  'time',
  'location',
  'type',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Placeholders the template uses that we do not know (a typo would otherwise reach the patient). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').filter((name) => !known.has(name));
}

export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as TemplatePlaceholder] : whole,
  );
}

/** "48 h", "2 h", "90 min", "2 d" — how offsets are shown and typed. */
export function formatOffset(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
