import { useState, type ChangeEvent, type SyntheticEvent } from 'react';
import type { BusyImportResult } from '../../../../src-shared/api/areas/ical';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useClockTime } from '../../format/clock-time';
import { useClinicClock } from '../../stores/clinic-settings';
import { rangeLabel } from './format';
import { useSetupLists } from './setup-lists';
import { useTranslation } from '../../i18n';

const SHOWN = ['content', 'months', 'fromDate'];

/**
 * Another calendar's busy times as time off: choose the .ics file and how far ahead to read, preview what
 * would be added (nothing is saved), then import. Importing the same file again adds nothing twice.
 */
export function BusyImportForm({ providerId }: { providerId: string }) {
  const { t } = useTranslation('scheduling-setup');
  const clock = useClinicClock();
  const times = useClockTime();
  const reload = useSetupLists((state) => state.reload);
  const [draft, setDraft] = useState({ content: '', fileName: '', months: '12' });
  const [preview, setPreview] = useState<BusyImportResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const input = () => ({ providerId, content: draft.content, months: Number(draft.months) });
  const errors = useFormErrors(draft, () => (draft.content ? draftProblems('ical.previewImport', input()) : {}));

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPreview(null);
    setSaved(null);
    setDraft({ ...draft, fileName: file?.name ?? '', content: file ? await file.text() : '' });
  }

  async function runPreview(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setSaved(null);
    const result = await call('ical.previewImport', input());
    if (!result.ok) return errors.show(result.error, SHOWN);
    setPreview(result.value);
  }

  async function runImport() {
    const result = await call('ical.import', input());
    if (!result.ok) return errors.show(result.error, SHOWN);
    setPreview(null);
    setSaved(t('BusyImportForm.imported', { added: result.value.added, already: result.value.alreadyThere }));
    reload();
  }

  const fields = errors.errors.fields;
  return (
    <form aria-label={t('BusyImportForm.formName')} onSubmit={(event) => void runPreview(event)} noValidate>
      <Field
        label={t('BusyImportForm.file')}
        type="file"
        accept=".ics,text/calendar"
        onChange={(event) => void chooseFile(event)}
        error={fields.content}
      />
      <Field
        label={t('BusyImportForm.months')}
        type="number"
        min={1}
        max={24}
        value={draft.months}
        onChange={(event) => setDraft({ ...draft, months: event.target.value })}
        error={fields.months}
      />
      <FormMessage error={errors.errors.form} success={saved} />
      <div className="actions">
        <button type="submit">{t('BusyImportForm.preview')}</button>
      </div>
      {preview && (
        <>
          <p role="status">
            {t('BusyImportForm.previewSummary', {
              toAdd: preview.toAdd,
              already: preview.alreadyThere,
              from: rangeLabel(preview.fromDate, preview.toDate, clock),
            })}
          </p>
          {preview.guessedZones.length > 0 && (
            <p className="hint">{t('BusyImportForm.guessedZones', { zones: preview.guessedZones.join(', ') })}</p>
          )}
          {preview.blocks.length > 0 && (
            <table>
              <caption className="visually-hidden">{t('BusyImportForm.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('BusyImportForm.dates')}</th>
                  <th scope="col">{t('BusyImportForm.times')}</th>
                  <th scope="col">{t('BusyImportForm.reason')}</th>
                  <th scope="col">{t('BusyImportForm.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.blocks.map((block, index) => (
                  <tr key={index}>
                    <td>{rangeLabel(block.date, block.endDate, clock)}</td>
                    <td className="nowrap">
                      {block.start && block.end ? times.span(block.start, block.end) : t('BusyImportForm.wholeDay')}
                    </td>
                    <td>{block.reason}</td>
                    <td>{block.already ? t('BusyImportForm.alreadyThere') : t('BusyImportForm.new')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions">
            <button type="button" disabled={preview.toAdd === 0} onClick={() => void runImport()}>
              {t('BusyImportForm.import', { count: preview.toAdd })}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
