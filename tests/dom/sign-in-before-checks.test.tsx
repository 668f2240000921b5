// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../helpers/temp-core';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import type { LoginScreen as LoginScreenComponent } from '../../src-renderer/src/screens/login/LoginScreen';
import type * as DraftChecks from '../../src-renderer/src/draft-checks';
import type * as DraftRefusal from '../../src-renderer/src/draft-refusal';

let clinic: TestClinic;
let calls: string[];
let LoginScreen: typeof LoginScreenComponent;
let checks: typeof DraftChecks;
let refusal: typeof DraftRefusal;

beforeAll(async () => {
  clinic = await openTestClinic();
  const page = coreBridge(clinic.core, 'page');
  window.clinic = page.bridge;
  calls = page.calls;
  ({ LoginScreen } = await import('../../src-renderer/src/screens/login/LoginScreen'));
  checks = await import('../../src-renderer/src/draft-checks');
  refusal = await import('../../src-renderer/src/draft-refusal');
});

afterEach(() => {
  cleanup();
  checks.installDraftChecks(refusal.refusedDraft);
});

afterAll(async () => {
  await clinic.close();
});

describe('signing in before the page has its draft checks (the first 300 ms)', () => {
  it('shows main’s refusal of empty fields beside them, as the page’s own check would, and keeps what was typed', async () => {
    // As in the moment before the schemas' chunk arrives: the page has nothing to say of a draft.
    checks.installDraftChecks(() => null);
    render(<LoginScreen />);
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'not empty' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(messageOf('Username')).toContain('must not be empty'));
    expect(calls).toContain('auth.login');
    expect(messageOf('Password')).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('not empty');
    expect(screen.getByText('Please correct the fields marked above.')).toBeTruthy();
  });
});
