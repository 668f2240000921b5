// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { coreBridge, type Gate } from './core-bridge';
import type { useProcedure as UseProcedureHook } from '../../src-renderer/src/hooks/useProcedure';

type UseProcedure = typeof UseProcedureHook;

let clinic: TestClinic;
let gate: Gate;
let calls: string[];
let useProcedure: UseProcedure;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('page', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const made = coreBridge(clinic.core, 'page');
  gate = made.gate;
  calls = made.calls;
  // The page's api module picks up window.clinic when it loads, as under Electron's preload.
  window.clinic = made.bridge;
  ({ useProcedure } = await import('../../src-renderer/src/hooks/useProcedure'));
});

afterAll(async () => {
  await clinic.close();
});

async function addPatient(firstName: string, lastName: string): Promise<string> {
  const patient = await clinic.ok('page', 'patients.create', { firstName, lastName, dob: '1980-02-03' });
  return patient.id;
}

describe('useProcedure, the read hook every screen uses', () => {
  it('makes no call without an input, and reads once an input is given', async () => {
    const before = calls.length;
    const { result, rerender } = renderHook(
      ({ id }: { id: string | null }) => useProcedure('patients.get', id === null ? null : { patientId: id }),
      { initialProps: { id: null as string | null } },
    );
    expect(result.current.value).toBeNull();
    expect(result.current.loading).toBe(false);
    expect(calls.length).toBe(before);

    const id = await addPatient('Nadia', 'Haddad');
    rerender({ id });
    await waitFor(() => expect(result.current.value?.lastName).toBe('Haddad'));
    expect(result.current.error).toBeNull();
  });

  it('drops a late answer to an earlier input: the screen shows the patient asked for last', async () => {
    const first = await addPatient('Omar', 'Farouk');
    const second = await addPatient('Priya', 'Nair');
    // The first read is held; the second input's read answers first.
    gate.holdNext('patients.get');
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useProcedure('patients.get', { patientId: id }),
      {
        initialProps: { id: first },
      },
    );
    rerender({ id: second });
    await waitFor(() => expect(result.current.value?.lastName).toBe('Nair'));
    expect(result.current.stale).toBe(false);
    // Now the earlier read answers, late: it must not replace the later answer.
    gate.release();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(result.current.value?.lastName).toBe('Nair');
  });

  it('keeps the last value marked stale while a new input is on its way', async () => {
    const first = await addPatient('Quinn', 'Baker');
    const second = await addPatient('Rosa', 'Diaz');
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useProcedure('patients.get', { patientId: id }),
      {
        initialProps: { id: first },
      },
    );
    await waitFor(() => expect(result.current.value?.lastName).toBe('Baker'));
    gate.holdNext('patients.get');
    rerender({ id: second });
    expect(result.current.stale).toBe(true);
    expect(result.current.value?.lastName).toBe('Baker');
    gate.release();
    await waitFor(() => expect(result.current.value?.lastName).toBe('Diaz'));
    expect(result.current.stale).toBe(false);
  });

  it('reads again when a pushed event matches, and not for one that does not', async () => {
    const { result } = renderHook(() => useProcedure('users.list', {}, { refreshOn: { 'users.changed': true } }));
    await waitFor(() => expect(result.current.value?.map((user) => user.username)).toEqual([ADMIN.username]));
    // Another desk adds a receptionist: main pushes users.changed and the list reads again by itself.
    await clinic.ok('page', 'users.create', {
      username: 'rita',
      displayName: 'Rita Reception',
      role: 'receptionist',
      password: 'reception desk 1',
    });
    await waitFor(() => expect(result.current.value?.map((user) => user.username).sort()).toEqual(['ada', 'rita']));

    // A rule that accepts only another user's changes: this change makes no read.
    const { result: filtered } = renderHook(() =>
      useProcedure('users.list', {}, { refreshOn: { 'users.changed': ({ userId }) => userId === 'someone else' } }),
    );
    await waitFor(() => expect(filtered.current.value).toHaveLength(2));
    await waitFor(() => expect(result.current.loading).toBe(false));
    const reads = () => calls.filter((name) => name === 'users.list').length;
    const before = reads();
    await clinic.ok('page', 'users.create', {
      username: 'nina',
      displayName: 'Nina Nurse',
      role: 'nurse',
      password: 'nurse station 1',
    });
    // The unfiltered hook reads once more; the filtered one does not.
    await waitFor(() => expect(result.current.value).toHaveLength(3));
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(reads()).toBe(before + 1);
    expect(filtered.current.value).toHaveLength(2);
  });

  it("puts main's refusal in error with its code and field, and keeps no value for that input", async () => {
    const { result } = renderHook(() => useProcedure('patients.get', { patientId: 'not-an-id' }));
    await waitFor(() => expect(result.current.error?.code).toBe('VALIDATION'));
    expect(Object.keys(result.current.error?.details?.fields ?? {})).toEqual(['patientId']);
    expect(result.current.value).toBeNull();
  });
});
