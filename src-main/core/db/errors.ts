/** Why a clinic database could not be opened. Each has a message a person can act on. */
export type DatabaseOpenErrorKind =
  'WRONG_KEY' | 'MISSING_KEY' | 'BAD_KEY' | 'NOT_FOUND' | 'TOO_NEW' | 'MIGRATION_FAILED';

export class DatabaseOpenError extends Error {
  readonly kind: DatabaseOpenErrorKind;

  constructor(kind: DatabaseOpenErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.kind = kind;
  }
}
