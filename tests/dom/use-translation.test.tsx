// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLanguage, useTranslation } from '../../src-renderer/src/i18n';

afterEach(async () => {
  cleanup();
  await act(() => switchLanguage('en'));
});

const Label = memo(function Label() {
  const { t } = useTranslation('patients');
  return <p>{t('PatientSearchScreen.findAPatient')}</p>;
});

function Both() {
  const { t } = useTranslation(['patients', 'frame']);
  return <p>{`${t('PatientSearchScreen.findAPatient')} / ${t('frame:App.openingFrontDesk')}`}</p>;
}

describe('useTranslation', () => {
  it('words a component in the language of the moment, and again (memoised or not) when it changes', async () => {
    render(
      <>
        <Label />
        <Both />
      </>,
    );
    expect(screen.getByText('Find a patient')).toBeTruthy();
    expect(screen.getByText(/^Find a patient \/ Opening Front Desk/)).toBeTruthy();
    await act(() => switchLanguage('es'));
    expect(screen.getByText('Buscar un paciente')).toBeTruthy();
    expect(screen.getByText(/^Buscar un paciente \/ /)).toBeTruthy();
    expect(screen.queryByText('Find a patient')).toBeNull();
    await act(() => switchLanguage('en'));
    expect(screen.getByText('Find a patient')).toBeTruthy();
  });
});
