// @vitest-environment happy-dom
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncBootstrap, SyncStatus } from '../../src-shared/api/areas/sync';
import { switchLanguage } from '../../src-renderer/src/i18n';
import { bootstrapSentence, describeSync } from '../../src-renderer/src/screens/sync/describe-sync';

/** The header's sync words while a new desk starts from the clinic's snapshot, and after it stopped. */

afterEach(async () => {
  await act(() => switchLanguage('en'));
});

const NOW = Date.UTC(2026, 11, 6, 9, 0);

function status(bootstrap: SyncBootstrap | null, state: SyncStatus['state']): SyncStatus {
  return {
    enrolled: true,
    state,
    serverUrl: 'https://clinic-server:8443',
    fingerprint: null,
    clinicId: 'clinic',
    deviceId: 'desk',
    lastSyncedAt: null,
    waiting: 0,
    rejectedCount: 0,
    rejected: [],
    applyProblems: 0,
    lastError: state === 'offline' ? 'connection reset mid-snapshot' : null,
    clockWarning: null,
    remindersHeld: 0,
    bootstrap,
  };
}

describe('the header while a desk starts from the snapshot', () => {
  it('says how far it got while it runs, and that it stopped and resumes there once a round failed', async () => {
    const running = status({ state: 'running', reason: 'new', at: NOW, rows: 1200 }, 'online');
    expect(describeSync(running, NOW)).toBe("Online · starting from the clinic's snapshot (1200 rows so far)");
    const stopped = status({ state: 'interrupted', reason: 'new', at: NOW, rows: 1200 }, 'offline');
    expect(describeSync(stopped, NOW)).toBe(
      "Offline · the clinic's snapshot stopped at 1200 rows and resumes there next time",
    );
    await act(() => switchLanguage('es'));
    expect(describeSync(stopped, NOW)).toContain('se detuvo en 1200 filas');
    const done = status({ state: 'done', reason: 'new', at: NOW, rows: 1200 }, 'online');
    expect(describeSync(done, NOW)).not.toMatch(/snapshot|instantánea/);
  });
});

describe('the header while a new desk takes in the clinic’s starting copy', () => {
  it('says how much of the copy has arrived, then that the desk started from it', async () => {
    const size = 3_400 * 2 ** 20;
    const running = status(
      { state: 'running', reason: 'new', at: NOW, rows: 0, copy: { bytes: 120 * 2 ** 20, size } },
      'online',
    );
    expect(describeSync(running, NOW)).toBe("Online · taking in the clinic's starting copy (120 of 3400 MB)");
    const done = status(
      { state: 'done', reason: 'new', at: NOW, rows: 6_900_000, copy: { bytes: size, size } },
      'online',
    );
    expect(bootstrapSentence(done)).toContain("started from the clinic's starting copy (6900000 rows)");
    await act(() => switchLanguage('es'));
    expect(describeSync(running, NOW)).toContain('copia inicial de la clínica (120 de 3400 MB)');
  });
});
