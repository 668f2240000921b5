import type { SyncErrorBody } from '../../src-shared/sync/protocol';

export type SyncErrorCode = SyncErrorBody['error']['code'];

const STATUS: Record<SyncErrorCode, number> = {
  MALFORMED: 400,
  UNAUTHORISED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SKEW_TOO_LARGE: 409,
  RESYNC_REQUIRED: 410,
  TOO_LARGE: 413,
  INTERNAL: 500,
};

/** A refusal of a whole request, answered as `{ error: { code, message } }` with its HTTP status. */
export class SyncError extends Error {
  readonly status: number;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
