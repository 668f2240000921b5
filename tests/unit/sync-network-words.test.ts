import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpTransport } from '../../src-main/core/sync/transport';
import { translateMessage } from '../../src-shared/refusals/translate';

/** A port nothing listens on: taken from the system, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('a server that cannot be reached, in words', () => {
  it('says nothing answers at the address, in English and in Spanish, instead of ECONNREFUSED', async () => {
    const port = await closedPort();
    const transport = httpTransport(`http://127.0.0.1:${port}`, null);
    const failed = await transport({ method: 'GET', path: '/v1/pull', timeoutMs: 2_000 }).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(failed).toBe(
      `The server at 127.0.0.1:${port} is not answering: nothing accepts connections there. Is it running?`,
    );
    expect(failed).not.toMatch(/ECONNREFUSED/);
    expect(translateMessage(failed ?? '', 'es')).toBe(
      `El servidor en 127.0.0.1:${port} no responde: nada acepta conexiones allí. ¿Está en marcha?`,
    );
  });
});
