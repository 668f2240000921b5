import { useState, type SyntheticEvent } from 'react';
import type { VisitSettings } from '../../../../src-shared/visits/model';
import { ACTIVE_STATUSES, type ActiveStatus } from '../../../../src-shared/visits/status';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { visitStatusLabel } from '../../i18n/labels';

/** The thresholds' fields, named as main names their errors. */
const SHOWN = ACTIVE_STATUSES.map((status) => `thresholds.${status}`);

/** For managers: minutes before each status turns red, vitals units and the ticket style. */
export function BoardSettings() {
  const { value } = useProcedure('visits.settings', {});
  if (!value) return null;
  return <BoardSettingsForm initial={value} />;
}

function BoardSettingsForm({ initial }: { initial: VisitSettings }) {
  const { t } = useTranslation('visits');
  const [settings, setSettings] = useState<VisitSettings>(initial);
  const [minutes, setMinutes] = useState<Record<ActiveStatus, string>>({
    arrived: String(initial.thresholds.arrived),
    roomed: String(initial.thresholds.roomed),
    with_provider: String(initial.thresholds.with_provider),
    ready_for_checkout: String(initial.thresholds.ready_for_checkout),
  });
  const [saved, setSaved] = useState<string | null>(null);
  const thresholds = Object.fromEntries(ACTIVE_STATUSES.map((status) => [status, Number(minutes[status])])) as Record<
    ActiveStatus,
    number
  >;
  const input = {
    thresholds,
    temperatureUnit: settings.temperatureUnit,
    measurementSystem: settings.measurementSystem,
    ticketStyle: settings.ticketStyle,
  };
  const errors = useFormErrors({ thresholds: minutes }, () => draftProblems('visits.updateSettings', input));

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setSaved(null);
    const local = draftProblems('visits.updateSettings', input);
    if (Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    const result = await call('visits.updateSettings', input);
    if (!result.ok) return errors.show(result.error, SHOWN);
    setSettings(result.value);
    setSaved(t('BoardSettings.flowBoardSettingsSaved'));
  }

  return (
    <details className="board-settings">
      <summary>{t('BoardSettings.flowBoardSettings')}</summary>
      <form aria-label={t('BoardSettings.flowBoardSettings')} noValidate onSubmit={(event) => void save(event)}>
        <div className="vitals-grid">
          {ACTIVE_STATUSES.map((status) => (
            <Field
              key={status}
              label={t('BoardSettings.redAfterMinutes', { visitStatus: visitStatusLabel(status) })}
              inputMode="numeric"
              value={minutes[status]}
              onChange={(event) => setMinutes((current) => ({ ...current, [status]: event.target.value }))}
              error={errors.errors.fields[`thresholds.${status}`]}
            />
          ))}
          <SelectField
            label={t('BoardSettings.temperature')}
            value={settings.temperatureUnit}
            onChange={(event) => setSettings({ ...settings, temperatureUnit: event.target.value === 'F' ? 'F' : 'C' })}
            options={[
              { value: 'C', label: '°C' },
              { value: 'F', label: '°F' },
            ]}
          />
          <SelectField
            label={t('BoardSettings.weightAndHeight')}
            value={settings.measurementSystem}
            onChange={(event) =>
              setSettings({ ...settings, measurementSystem: event.target.value === 'imperial' ? 'imperial' : 'metric' })
            }
            options={[
              { value: 'metric', label: t('BoardSettings.kgAndCm') },
              { value: 'imperial', label: t('BoardSettings.lbAndInches') },
            ]}
          />
          <SelectField
            label={t('BoardSettings.waitingRoomTicket')}
            value={settings.ticketStyle}
            onChange={(event) =>
              setSettings({ ...settings, ticketStyle: event.target.value === 'number' ? 'number' : 'initials' })
            }
            options={[
              { value: 'initials', label: t('BoardSettings.initialsAndNumber') },
              { value: 'number', label: t('BoardSettings.numberOnly') },
            ]}
          />
        </div>
        <FormMessage error={errors.errors.form} success={saved} />
        <button type="submit" className="primary">
          {t('BoardSettings.saveFlowBoardSettings')}
        </button>
      </form>
    </details>
  );
}
