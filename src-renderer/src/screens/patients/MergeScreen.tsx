import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import { MERGE_FIELDS, type MergeField, type PatientRecord } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { navigate } from '../../hooks/navigation';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { formatDate as formatInstantDate } from '../../format/datetime';
import { useClinicClock, useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { choicesFor, defaultPicks, MERGE_FIELD_LABELS, mergeValue, type Side } from './merge-fields';
import { Trans, i18next, useTranslation } from '../../i18n';

const LINKED = [
  ['phones', 'phone', 'phones'],
  ['contacts', 'contact', 'contacts'],
  ['allergies', 'allergy', 'allergies'],
  ['alerts', 'alert', 'alerts'],
  ['insurance', i18next.t('patients:MergeScreen.insurancePolicy'), i18next.t('patients:MergeScreen.insurancePolicies')],
] as const;

function linkedSummary(record: PatientRecord): string {
  const listed = LINKED.filter(([key]) => record[key].length > 0).map(
    ([key, one, many]) => `${record[key].length} ${record[key].length === 1 ? one : many}`,
  );
  return listed.length > 0 ? listed.join(', ') : i18next.t('patients:MergeScreen.nothingLinkedYet');
}

/**
 * Two records of one person, side by side: choose the record that is kept (its MRN stays), then for
 * each field that differs the value that survives. Radios per field, so the keyboard's arrows choose.
 */
export function MergeScreen({ aId, bId }: { aId: string; bId: string }) {
  const { t } = useTranslation('patients');
  const settings = useClinicSettings((state) => state.settings);
  const show = usePatients((state) => state.show);
  const a = useProcedure('patients.get', { patientId: aId });
  const b = useProcedure('patients.get', { patientId: bId });
  const loadError = a.error?.message ?? b.error?.message ?? null;
  const records = useMemo(
    () => (a.value && b.value && !a.stale && !b.stale ? { a: a.value, b: b.value } : null),
    [a.value, b.value, a.stale, b.stale],
  );
  const [kept, setKept] = useState<Side>('a');
  const [picks, setPicks] = useState<Record<MergeField, Side> | null>(null);
  const [busy, setBusy] = useState(false);
  const format = settings?.dateFormat ?? 'YYYY-MM-DD';
  const clock = useClinicClock();
  const other: Side = kept === 'a' ? 'b' : 'a';
  const input = records &&
    picks && { survivorId: records[kept].id, mergedId: records[other].id, fields: choicesFor(picks, kept) };
  // No field here to put a problem beside (a record merged into itself): main's words go by the button.
  const errors = useFormErrors({ kept, picks }, () => draftProblems('patients.merge', input));

  useEffect(() => {
    if (records && settings) setPicks(defaultPicks(records.a, records.b, kept, settings.dateFormat));
  }, [records, kept, settings]);

  if (loadError) return <FormMessage error={loadError} />;
  if (!records || !picks || !settings) return <p>{t('MergeScreen.openingBothRecords')}</p>;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!input) return;
    errors.clear();
    const local = draftProblems('patients.merge', input);
    if (Object.keys(local).length > 0) return errors.showProblems(local, []);
    setBusy(true);
    const result = await call('patients.merge', input);
    setBusy(false);
    if (!result.ok) return errors.show(result.error, []);
    show(result.value);
    navigate(`#/patients/${result.value.id}`);
  }

  const heading = (side: Side) => (
    <div className={`merge-head${side === kept ? ' kept' : ''}`}>
      <strong>{records[side].name}</strong>
      <span className="muted">
        {t('MergeScreen.mrnRegistered', {
          mrn: records[side].mrn,
          createdAt: formatInstantDate(records[side].createdAt, clock),
        })}
      </span>
      <span className="muted">{linkedSummary(records[side])}</span>
      <span className="tag">{side === kept ? t('MergeScreen.kept') : t('MergeScreen.mergedIntoTheKeptRecord')}</span>
    </div>
  );

  return (
    <section>
      <div className="section-head">
        <h1>{t('MergeScreen.mergeRecords')}</h1>
        <a className="button" href="#/patients/duplicates">
          {t('MergeScreen.backToDuplicates')}
        </a>
      </div>
      <form className="card merge" onSubmit={(event) => void submit(event)} aria-label={t('MergeScreen.mergeRecords')}>
        <fieldset>
          <legend>{t('MergeScreen.whichRecordIsKept')}</legend>
          {(['a', 'b'] as const).map((side) => (
            <label key={side} className="checkbox">
              <Trans
                t={t}
                i18nKey="MergeScreen.keep"
                values={{ mrn: records[side].mrn, name: records[side].name }}
                components={{
                  input: (
                    <input
                      type="radio"
                      name="kept"
                      value={side}
                      checked={kept === side}
                      onChange={() => setKept(side)}
                    />
                  ),
                }}
              />
            </label>
          ))}
          <p className="hint">{t('MergeScreen.theKeptRecordKeepsIts')}</p>
        </fieldset>
        <div className="merge-grid" role="presentation">
          <span className="merge-label muted">{t('MergeScreen.field')}</span>
          {heading('a')}
          {heading('b')}
        </div>
        {MERGE_FIELDS.map((field) => {
          const values = { a: mergeValue(records.a, field, format), b: mergeValue(records.b, field, format) };
          const label = MERGE_FIELD_LABELS[field];
          if (values.a === values.b) {
            return (
              <div key={field} className="merge-grid same">
                <span className="merge-label">{label}</span>
                <span className="merge-same">{values.a || '—'}</span>
                <span className="muted">{t('MergeScreen.sameInBoth')}</span>
              </div>
            );
          }
          return (
            <div key={field} className="merge-grid" role="radiogroup" aria-labelledby={`merge-${field}`}>
              <span id={`merge-${field}`} className="merge-label">
                {label}
              </span>
              {(['a', 'b'] as const).map((side) => (
                <label key={side} className={`merge-option${picks[field] === side ? ' picked' : ''}`}>
                  <input
                    type="radio"
                    name={`pick-${field}`}
                    value={side}
                    checked={picks[field] === side}
                    onChange={() => setPicks({ ...picks, [field]: side })}
                  />
                  <span>{values[side] || <em className="muted">{t('MergeScreen.blank')}</em>}</span>
                </label>
              ))}
            </div>
          );
        })}
        <FormMessage error={errors.errors.form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy
              ? t('MergeScreen.merging')
              : t('MergeScreen.mergeInto', { mrn: records[other].mrn, mrn2: records[kept].mrn })}
          </button>
          <a className="button" href="#/patients/duplicates">
            {t('MergeScreen.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
