// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VisitSettings } from '../../src-shared/visits/model';
import { openSchedulingClinic, signInNurse, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import type * as VitalsModule from '../../src-renderer/src/screens/visits/VitalsForm';

let s: SchedulingClinic;
let VitalsForm: typeof VitalsModule.VitalsForm;
let settings: VisitSettings;
let calls: string[];

beforeAll(async () => {
  s = await openSchedulingClinic();
  await signInNurse(s.clinic);
  const nurse = coreBridge(s.clinic.core, 'nurse');
  window.clinic = nurse.bridge;
  calls = nurse.calls;
  settings = await s.clinic.ok('nurse', 'visits.settings', {});
  ({ VitalsForm } = await import('../../src-renderer/src/screens/visits/VitalsForm'));
});

afterEach(cleanup);

afterAll(async () => {
  await s.clinic.close();
});

describe('the vitals form', () => {
  it('says every impossible value on the first save, the schema’s and the body’s limits alike, and sends nothing', async () => {
    const patientId = await s.patient('Vera');
    const mainSays = await s.clinic.call('nurse', 'vitals.record', {
      patientId,
      units: { temperature: 'C', system: 'metric' },
      spo2: 150,
    });
    const spo2Problem = mainSays.ok ? '' : (mainSays.error.details?.fields?.spo2 ?? '');
    expect(spo2Problem).toMatch(/not a possible/);

    render(<VitalsForm patientId={patientId} visitId="" settings={settings} allergies="" onSaved={() => undefined} />);
    fireEvent.change(screen.getByLabelText('SpO2 (%)'), { target: { value: '150' } });
    fireEvent.change(screen.getByLabelText('Pain (0–10)'), { target: { value: '11' } });
    const before = calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Save vitals' }));
    await waitFor(() => expect(messageOf('Pain (0–10)')).toMatch(/10/));
    expect(messageOf('SpO2 (%)')).toBe(spo2Problem);
    expect(calls.length, 'nothing was sent to main').toBe(before);
  });
});
