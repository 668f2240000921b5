/** Why a clinic database could not be opened. Each has a message a person can act on. */
export type DatabaseOpenErrorKind =
  | 'WRONG_KEY'
  | 'MISSING_KEY'
  | 'BAD_KEY'
  | 'NOT_FOUND'
  | 'TOO_NEW'
  | 'MIGRATION_FAILED'
  /** A pragma the durability or privacy of the data depends on did not take effect. */
  | 'UNSAFE_SETTINGS'
  /** Another process (named in the message) holds the clinic open. */
  | 'IN_USE'
  /** The data folder or file cannot be written. */
  | 'READ_ONLY'
  /** The file is damaged: a page fails its check. */
  | 'CORRUPT'
  /** No room left on the disk (or the database reached its size limit). */
  | 'DISK_FULL';

export class DatabaseOpenError extends Error {
  readonly kind: DatabaseOpenErrorKind;

  constructor(kind: DatabaseOpenErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.kind = kind;
  }
}
