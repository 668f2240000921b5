import { execSync } from 'node:child_process';

/** Builds the renderer once for the whole run: browser mode serves out/renderer. */
export default function globalSetup(): void {
  if (process.env.FRONT_DESK_SKIP_BUILD === '1') return;
  execSync('npm run -s build:renderer', { stdio: 'inherit' });
}
