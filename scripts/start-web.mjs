// `npm run start:web`: browser mode on a demo data folder, for development and trying Front Desk out.
// `npm run start:web -- --demo`: the same on a clinic of made-up data around today (`clinic demo`), in
// its own folder. The demo key sits beside the demo database, which is fine for demo data and never for
// a clinic's.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sample = process.argv.includes('--demo');
const demo = join(root, sample ? '.demo-sample' : '.demo');
const keyFile = join(demo, 'demo.key');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

mkdirSync(demo, { recursive: true });
const build = spawnSync(npm, ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!existsSync(join(demo, 'clinic.db'))) {
  const init = spawnSync(
    npm,
    ['run', '-s', 'clinic', '--', sample ? 'demo' : 'init', '--data', demo, '--key-file', keyFile],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (init.status !== 0) process.exit(init.status ?? 1);
}
const extra = process.argv.slice(2).filter((arg) => arg !== '--demo');
const serve = spawn(npm, ['run', '-s', 'clinic', '--', 'serve', '--data', demo, '--key-file', keyFile, ...extra], {
  cwd: root,
  stdio: 'inherit',
});
serve.on('exit', (code) => process.exit(code ?? 0));
