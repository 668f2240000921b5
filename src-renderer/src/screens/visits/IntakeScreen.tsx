import { useState } from 'react';
import type { PatientRecord } from '../../../../src-shared/patients/model';
import { fromSI } from '../../../../src-shared/visits/vitals';
import { call } from '../../api';
import { draftProblems } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { formatDateMinute } from '../../format/datetime';
import { useClinicClock, useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { AllergiesCard } from '../patients/AllergiesCard';
import { PatientBanner } from '../patients/PatientBanner';
import { usePatientPhoto } from '../patients/patient-photo';
import { DispenseCard } from './DispenseCard';
import { VitalsChart } from './VitalsChart';
import { VitalsForm } from './VitalsForm';
import './visits.css';
import { useTranslation, variant } from '../../i18n';
import { visitStatusLabel } from '../../i18n/labels';

/** The nurse's screen for one visit: whose it is (banner), vitals, and the history with a chart. */
export function IntakeScreen({ visitId }: { visitId: string }) {
  const { t } = useTranslation('visits');
  // Every desk's moves arrive as `visits.changed`: the visit (its status, its room) is read again.
  const visitRead = useProcedure('visits.get', { visitId }, { refreshOn: { 'visits.changed': true } });
  const visit = visitRead.value;
  const patientId = visit?.patientId;
  const recordRead = useProcedure('patients.get', patientId ? { patientId } : null);
  // The allergies card answers with the record as saved: shown without reading it again.
  const [savedRecord, setRecord] = useState<PatientRecord | null>(null);
  const record = savedRecord && savedRecord.id === patientId ? savedRecord : recordRead.value;
  const { photo } = usePatientPhoto(record);
  const { value: settings } = useProcedure('visits.settings', patientId ? {} : null);
  const historyRead = useProcedure('vitals.history', patientId ? { patientId, limit: 20 } : null);
  const history = historyRead.value ?? [];
  const loadHistory = historyRead.reload;
  const error = visitRead.error?.message ?? recordRead.error?.message ?? null;
  const dateFormat = useClinicSettings((state) => state.settings?.dateFormat) ?? 'YYYY-MM-DD';
  const clock = useClinicClock();
  const canDispense = useSession((state) => state.can('stock:dispense'));

  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  // Nothing is shown, and so nothing can be saved, until the banner knows whose visit this is.
  if (!visit || !record || !settings || record.id !== visit.patientId)
    return <p>{t('IntakeScreen.loadingTheIntake')}</p>;
  const units = { temperature: settings.temperatureUnit, system: settings.measurementSystem } as const;
  const allergies =
    record.allergies.length === 0
      ? t('IntakeScreen.noneRecorded')
      : record.allergies.map((a) => a.substance).join(', ');

  return (
    <section aria-labelledby="intake-title" className="intake">
      <p>
        <a href="#/board">{t('IntakeScreen.flowBoard')}</a>
      </p>
      <h1 id="intake-title">{t('IntakeScreen.nurseIntake')}</h1>
      <PatientBanner record={record} photo={photo} dateFormat={dateFormat} />
      <p className="lead">
        {t('IntakeScreen.visitTicket', {
          visitStatus: visitStatusLabel(visit.status),
          roomName: visit.roomName ?? '',
          providerName: visit.providerName ?? '',
          context: variant(visit.roomName && 'room', visit.providerName && 'provider'),
          ticket: visit.ticket,
        })}
      </p>
      <div className="intake-columns">
        <div className="intake-forms">
          <VitalsForm
            key={visit.id}
            patientId={record.id}
            visitId={visit.id}
            settings={settings}
            allergies={allergies}
            onSaved={loadHistory}
          />
          <AllergiesCard
            title={t('IntakeScreen.allergyReview')}
            allergies={record.allergies}
            changes={{
              add: (allergy) => call('intake.addAllergy', { visitId: visit.id, patientId: record.id, ...allergy }),
              check: (allergy) =>
                draftProblems('intake.addAllergy', { visitId: visit.id, patientId: record.id, ...allergy }),
              remove: (allergyId, reason) =>
                call('intake.removeAllergy', { visitId: visit.id, patientId: record.id, allergyId, reason }),
              onSaved: setRecord,
            }}
          />
        </div>
        <div className="intake-side">
          <section aria-labelledby="history-title" className="card wide">
            <h2 id="history-title">{t('IntakeScreen.vitalsHistory')}</h2>
            <VitalsChart history={history} />
            {/* Eleven columns: on a narrow card the table scrolls inside it rather than running past its edge. */}
            {/* Focusable so a keyboard can scroll it sideways (axe: scrollable-region-focusable). */}
            <div
              className="history-scroll"
              tabIndex={0}
              role="region"
              aria-label={t('IntakeScreen.vitalsHistoryScrollsSideways')}
            >
              <table aria-label={t('IntakeScreen.vitalsHistory')} className="history-table">
                <thead>
                  <tr>
                    <th scope="col">{t('IntakeScreen.when')}</th>
                    <th scope="col">{t('IntakeScreen.bp')}</th>
                    <th scope="col">{t('IntakeScreen.pulse')}</th>
                    <th scope="col">{t('IntakeScreen.respRate')}</th>
                    <th scope="col">{t('IntakeScreen.temp', { temperature: units.temperature })}</th>
                    <th scope="col">{t('IntakeScreen.spo2')}</th>
                    <th scope="col">
                      {units.system === 'imperial' ? t('IntakeScreen.weightLb') : t('IntakeScreen.weightKg')}
                    </th>
                    <th scope="col">{t('IntakeScreen.bmi')}</th>
                    <th scope="col">{t('IntakeScreen.pain')}</th>
                    <th scope="col">{t('IntakeScreen.chiefComplaint')}</th>
                    <th scope="col">{t('IntakeScreen.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((row) => {
                    const shown = fromSI({ ...row }, units);
                    return (
                      <tr key={row.id}>
                        <td>{formatDateMinute(row.recordedAt, clock).replace(' ', '\u00a0')}</td>
                        <td>{row.systolic !== null ? `${row.systolic}/${row.diastolic ?? '—'}` : '—'}</td>
                        <td>{row.pulse ?? '—'}</td>
                        <td>{row.respRate ?? '—'}</td>
                        <td>{shown.temperature ?? '—'}</td>
                        <td>{row.spo2 ?? '—'}</td>
                        <td>{shown.weight ?? '—'}</td>
                        <td>{row.bmi ?? '—'}</td>
                        <td>{row.pain ?? '—'}</td>
                        <td className="complaint">{row.chiefComplaint ?? '—'}</td>
                        <td>{row.recordedBy ?? '—'}</td>
                      </tr>
                    );
                  })}
                  {history.length === 0 && (
                    <tr>
                      <td colSpan={11} className="muted">
                        {t('IntakeScreen.noVitalsRecordedYet')}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </section>
          {canDispense && <DispenseCard visitId={visit.id} />}
        </div>
      </div>
    </section>
  );
}
