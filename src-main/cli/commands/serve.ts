import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../../web/server';
import { parseOptions, UsageError } from '../args';
import { openOrAwaitRecovery } from '../recovering-serve';

/**
 * out/renderer beside the nearest package.json above this file: the same folder whether this runs from
 * src-main/cli/commands (tsx) or from the bundle in out/cli (`npm run build:cli`).
 */
function defaultRendererDir(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('clinic serve: no package.json above the CLI, pass --renderer DIR');
    folder = parent;
  }
  return join(folder, 'out', 'renderer');
}

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
  const host = await startWebHost({ core, rendererDir: options.renderer ?? defaultRendererDir(), port });
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
