/**
 * Reading FHIR JSON without trusting its shape: a file from another system may leave out or mistype any
 * element, so every read says what it expects and answers undefined otherwise.
 */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => (text(item) ? [text(item) as string] : [])) : [];
}

export function child(value: unknown, key: string): Json | undefined {
  return isObject(value) && isObject(value[key]) ? value[key] : undefined;
}

/** The words of a CodeableConcept: its text, else its first coding's display, else its code. */
export function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  const coding = objects(concept.coding)[0];
  return text(concept.text) ?? text(coding?.display) ?? text(coding?.code);
}

export function codes(concept: unknown): { system: string | undefined; code: string }[] {
  if (!isObject(concept)) return [];
  return objects(concept.coding).flatMap((coding) =>
    text(coding.code) ? [{ system: text(coding.system), code: text(coding.code) as string }] : [],
  );
}

/** The first identifier with both a system and a value: what another system calls this resource. */
export function firstIdentifier(resource: Json): { system: string; value: string } | undefined {
  for (const identifier of objects(resource.identifier)) {
    const system = text(identifier.system);
    const value = text(identifier.value);
    if (system && value) return { system, value };
  }
  return undefined;
}
