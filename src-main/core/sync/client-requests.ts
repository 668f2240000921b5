import { ApiError } from '../../../src-shared/api/errors';
import { SyncNetworkError, SyncPinError, type SyncTransport } from './transport';

/** The server answered with an error (`{ error: { code, message } }`). */
export class SyncServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncServerError';
  }
}

/** A request made while enrolling: its failures become errors the form shows beside the right field. */
export async function askEnrol<T>(transport: SyncTransport, call: Parameters<SyncTransport>[0]): Promise<T> {
  try {
    return await ask<T>(transport, call);
  } catch (error) {
    if (error instanceof SyncPinError) {
      throw new ApiError('VALIDATION', error.message, { fields: { fingerprint: error.message } });
    }
    if (error instanceof SyncNetworkError) {
      throw new ApiError('VALIDATION', error.message, { fields: { serverUrl: error.message } });
    }
    if (error instanceof SyncServerError) {
      const field = call.path === '/v1/enrol' && error.status < 500 ? 'code' : 'serverUrl';
      const message = `The server refused: ${error.message}`;
      throw new ApiError('VALIDATION', message, { fields: { [field]: message } });
    }
    throw error;
  }
}

export async function ask<T>(transport: SyncTransport, call: Parameters<SyncTransport>[0]): Promise<T> {
  const answer = await transport(call);
  if (answer.status === 200) return answer.body as T;
  const body = answer.body as { error?: { code?: unknown; message?: unknown } } | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${answer.status}`;
  const message =
    typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${answer.status}.`;
  throw new SyncServerError(answer.status, code, message.slice(0, 500));
}
