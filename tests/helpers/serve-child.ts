import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeEntry } from './node-entry';
import { REPO_ROOT } from './run-cli';

export interface ServeChild {
  child: ChildProcess;
  output(): string;
  /** SIGTERM (a clean stop that closes the clinic) or SIGKILL (the power cord). */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** `clinic serve` on an existing data folder in a child process, with a stand-in renderer; resolves once it listens. */
export async function startServeChild(dataDir: string, key: Buffer): Promise<ServeChild> {
  const renderer = join(dataDir, '..', 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Front Desk</title>');
  const child = spawn(
    process.execPath,
    [...nodeEntry('src-main/cli/index.ts'), 'serve', '--data', dataDir, '--port', '0', '--renderer', renderer],
    { cwd: REPO_ROOT, env: { ...process.env, CLINIC_DB_KEY: key.toString('hex') } },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Front Desk is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    child,
    output: () => output,
    stop: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
