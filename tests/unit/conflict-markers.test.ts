import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli';

/** A merge's `<<<<<<<`, `=======`, `>>>>>>>` lines left in a file (a README shipped one once). */
export function conflictMarkersIn(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (/^(<{7}|>{7})( |$)|^={7}$/.test(line) ? [index + 1] : []));
}

describe('merges', () => {
  it('leave no conflict markers in any tracked text file', () => {
    expect(conflictMarkersIn('a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> tokens\n')).toEqual([2, 4, 6]);
    const files = execFileSync('git', ['ls-files', '*.md', '*.ts', '*.tsx', '*.json', '*.css', '*.sql', '.ci/*'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    const marked = files.flatMap((file) =>
      conflictMarkersIn(readFileSync(join(REPO_ROOT, file), 'utf8')).map((line) => `${file}:${line}`),
    );
    expect(marked).toEqual([]);
  });
});
