/** Error codes that cross the boundary between main and the renderer as data. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'LOCKED',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SETUP_REQUIRED',
  /** The disk or the database file failed (full, read-only, damaged): `details.kind` says which. */
  'STORAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  /** For VALIDATION: `fields` maps a dotted field path to what is wrong with it. */
  details?: { fields?: Record<string, string>; [key: string]: unknown };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Thrown inside main; the router turns it into `{ok:false,error}`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ApiErrorData['details'];

  constructor(code: ErrorCode, message: string, details?: ApiErrorData['details']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toData(): ApiErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** A validation error about one field, named the way the form names it. */
export function fieldError(field: string, problem: string): ApiError {
  return new ApiError('VALIDATION', `${field}: ${problem}`, { fields: { [field]: problem } });
}
