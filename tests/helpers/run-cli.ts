import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeEntry } from './node-entry';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the admin CLI exactly as `npm run clinic --` does; `entry` runs another build of it instead (the
 * bundle of `npm run build:cli`).
 */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string; entry?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const entry = options.entry ?? nodeEntry('src-main/cli/index.ts');
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CLINIC_DB_KEY: '', CLINIC_USER_PASSWORD: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
