import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDraft } from '../../src-shared/api/validate-draft';
import type { Input, ProcedureName } from '../../src-shared/api/contract';
import { procedures } from '../helpers/contract-walker';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
});

afterAll(async () => {
  await clinic.close();
});

/** Drafts a form could send by mistake: nothing filled in, wrong types, a field too long. */
const DRAFTS: unknown[] = [
  null,
  'text',
  [],
  { id: 7 },
  { patientId: 'x'.repeat(5000), date: 'soon', amountMinor: 1.5 },
];

describe('validateDraft: the page checks a draft as main will', () => {
  it("answers exactly main's VALIDATION refusal (fields and words) for every procedure's bad drafts", async () => {
    let compared = 0;
    for (const { name } of procedures()) {
      for (const draft of DRAFTS) {
        const inPage = validateDraft(name, draft as Input<ProcedureName>);
        if (inPage === null) continue;
        const fromMain = await clinic.core.invoke('admin', name, draft);
        // What the page refuses, main refuses too; where main answered on the input, it said the same.
        expect(fromMain.ok, `${name} took a draft the page refused`).toBe(false);
        if (fromMain.ok || fromMain.error.code !== 'VALIDATION') continue;
        expect(fromMain.error, name).toEqual(inPage);
        compared += 1;
      }
    }
    // The administrator may call nearly every procedure: most refusals were compared, not skipped.
    expect(compared).toBeGreaterThan(procedures().length * 2);
  });

  it('takes a good draft and names each wrong field of a bad one', () => {
    expect(validateDraft('patients.create', { firstName: 'Ada', lastName: 'Okafor', dob: '1980-02-03' })).toBeNull();
    const refused = validateDraft('patients.create', { firstName: '', lastName: 'Okafor', dob: '3 Feb' });
    expect(refused?.code).toBe('VALIDATION');
    expect(Object.keys(refused?.details?.fields ?? {}).sort()).toEqual(['dob', 'firstName']);
  });
});
