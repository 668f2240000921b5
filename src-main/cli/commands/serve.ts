import { fileURLToPath } from 'node:url';
import { startWebHost } from '../../web/server';
import { parseOptions, UsageError } from '../args';
import { openOrAwaitRecovery } from '../recovering-serve';

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export async function serveCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    port: { type: 'string' },
    renderer: { type: 'string' },
    create: { type: 'boolean' },
  });
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be a whole number from 0 to 65535');
  const core = await openOrAwaitRecovery(
    options.data ?? '',
    options['key-file'],
    options.create,
    'clinic serve (browser mode)',
  );
  const host = await startWebHost({ core, rendererDir: options.renderer ?? DEFAULT_RENDERER_DIR, port });
  console.log(`Front Desk is running at ${host.url}`);
  // Syncs with the clinic's server while enrolled (and from the moment it is enrolled from the page).
  core.startSyncLoop();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await core.close();
  return 0;
}
