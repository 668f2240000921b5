import { spawn, type ChildProcess } from 'node:child_process';
import { nodeEntry } from '../helpers/node-entry';
import { REPO_ROOT } from '../helpers/run-cli';

// `npm run server` as an administrator runs it, in child processes: the CLI and the server itself.

export function runServerCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeEntry('src-server/index.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export const running = new Set<ServerProcess>();

export async function startServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeEntry('src-server/index.ts'), '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    stop: async () => {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  running.add(server);
  return server;
}

export function codeFrom(out: string): string {
  const match = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(out);
  if (!match?.[1]) throw new Error(`no code in:\n${out}`);
  return match[1];
}

/** Stops every server process still running (a test's afterAll). */
export async function stopAllServers(): Promise<void> {
  for (const server of [...running]) await server.stop();
}
