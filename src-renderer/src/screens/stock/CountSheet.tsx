import { useRef, useState } from 'react';
import type { StockCount, StockCountLine } from '../../../../src-shared/stock/model';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { formatDateTime } from '../../format/datetime';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { ScanField } from './ScanField';
import { useTranslation } from '../../i18n';

/**
 * `#/stock/count/<id>`: the count sheet. Counters type (or scan to jump to) what they find per lot and
 * save; the variance is counted − the snapshot, so stock moved during the count is no false variance.
 * A manager approves once, which posts the variances; a blind sheet shows no book quantities until then.
 */
export function CountSheet({ countId }: { countId: string }) {
  const { t } = useTranslation('stock');
  const clock = useClinicClock();
  const can = useSession((state) => state.can);
  const count = useProcedure('stocktake.view', { countId }, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: string | null; done: string | null }>({ error: null, done: null });
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const view = count.value;
  // The counts typed so far: a cleared cell goes as null (not counted), anything else as the number typed,
  // so "12.5" or "ten" reaches main's schema and is refused in its words.
  const changed = Object.entries(typed).map(([lotId, text]) => ({
    lotId,
    countedQuantity: text.trim() === '' ? null : Number(text.trim()),
  }));
  const input = (): Input<'stocktake.enter'> => ({ countId, lines: changed });
  /** Main names a line by its place in what was sent (`lines.2.countedQuantity`); the sheet by its lot. */
  const byLot = (fields: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(fields).map(([path, problem]) => {
        const index = /^lines\.(\d+)\./.exec(path)?.[1];
        const lotId = index === undefined ? undefined : changed[Number(index)]?.lotId;
        return [lotId ? `counted.${lotId}` : path, problem];
      }),
    );
  const problems = () => (changed.length === 0 ? {} : byLot(draftProblems('stocktake.enter', input())));
  const { errors, show, showProblems, clear } = useFormErrors({ counted: typed }, problems);
  const shown = (view?.lines ?? []).map((line) => `counted.${line.lotId}`);
  const lineErrors = Object.fromEntries(
    (view?.lines ?? []).flatMap((line) => {
      const problem = errors.fields[`counted.${line.lotId}`];
      return problem ? [[line.lotId, problem]] : [];
    }),
  );
  const placeName = setup.value?.locations.find((place) => place.id === view?.stockLocationId)?.name ?? '';

  async function save() {
    if (!view) return;
    clear();
    if (changed.length === 0) return setMessage({ error: t('CountSheet.typeACountedQuantityFirst'), done: null });
    setMessage({ error: null, done: null });
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    const result = await call('stocktake.enter', input());
    if (!result.ok) {
      const fields = byLot(result.error.details?.fields ?? {});
      return show({ ...result.error, details: { ...result.error.details, fields } }, shown);
    }
    setTyped({});
    setMessage({
      error: null,
      done: t('CountSheet.savedCount', { count: changed.length }),
    });
    count.reload();
  }

  async function finish(action: 'stocktake.approve' | 'stocktake.cancel') {
    const result = await call(action, { countId });
    if (!result.ok) {
      const fields = Object.values(result.error.details?.fields ?? {});
      return setMessage({ error: [result.error.message, ...fields].join(' '), done: null });
    }
    setMessage({
      error: null,
      done: action === 'stocktake.approve' ? t('CountSheet.approvedTheVariancesArePosted') : t('CountSheet.cancelled'),
    });
    count.reload();
  }

  return (
    <section aria-labelledby="count-title">
      <p>
        <a href="#/stock/counts">{t('CountSheet.stockCounts')}</a>
      </p>
      <h1 id="count-title">{t('CountSheet.countOf', { placeName, context: placeName ? undefined : 'unnamed' })}</h1>
      <FormMessage error={count.error?.message ?? null} />
      {view && (
        <>
          <p className="lead">
            {t('CountSheet.snapshot', {
              snapshotAt: formatDateTime(view.snapshotAt, clock),
              context: view.blind ? (`${view.status}_blind` as const) : view.status,
            })}
          </p>
          {view.status === 'open' && (
            <ScanField
              label={t('CountSheet.scanALot')}
              hint={t('CountSheet.scanABoxOrType')}
              onScanned={(scanned) => {
                const line = view.lines.find(
                  (candidate) =>
                    candidate.lotId === scanned.lotId ||
                    (candidate.itemId === scanned.item?.id && candidate.lotNumber === scanned.lotNumber),
                );
                if (!line) return t('CountSheet.isNotALotOn');
                inputs.current.get(line.lotId)?.focus();
                return null;
              }}
            />
          )}
          <SheetTable
            view={view}
            typed={typed}
            errors={lineErrors}
            onType={(lotId, text) => setTyped((current) => ({ ...current, [lotId]: text }))}
            register={(lotId, input) => {
              if (input) inputs.current.set(lotId, input);
              else inputs.current.delete(lotId);
            }}
          />
          {view.status === 'open' && (
            <div className="actions">
              <button type="button" onClick={() => void save()}>
                {t('CountSheet.saveCounts')}
              </button>
              {can('stock:count:approve') && (
                <>
                  <button type="button" onClick={() => void finish('stocktake.approve')}>
                    {t('CountSheet.approveCount')}
                  </button>
                  <button type="button" onClick={() => void finish('stocktake.cancel')}>
                    {t('CountSheet.cancelCount')}
                  </button>
                </>
              )}
            </div>
          )}
          <FormMessage error={errors.form ?? message.error} success={message.done} />
        </>
      )}
    </section>
  );
}

function SheetTable({
  view,
  typed,
  errors,
  onType,
  register,
}: {
  view: StockCount;
  typed: Record<string, string>;
  errors: Record<string, string>;
  onType: (lotId: string, text: string) => void;
  register: (lotId: string, input: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  const open = view.status === 'open';
  const counted = (line: StockCountLine) => typed[line.lotId] ?? (line.countedQuantity ?? '').toString();
  return (
    <table aria-label={t('CountSheet.countSheet')}>
      <thead>
        <tr>
          <th scope="col">{t('CountSheet.item')}</th>
          <th scope="col">{t('CountSheet.lot')}</th>
          <th scope="col">{t('CountSheet.expiry')}</th>
          <th scope="col" className="num">
            {t('CountSheet.booksAtSnapshot')}
          </th>
          <th scope="col">{t('CountSheet.counted')}</th>
          <th scope="col" className="num">
            {t('CountSheet.variance')}
          </th>
        </tr>
      </thead>
      <tbody>
        {view.lines.length === 0 && (
          <tr>
            <td colSpan={6}>{t('CountSheet.nothingWasHereAtThe')}</td>
          </tr>
        )}
        {view.lines.map((line) => (
          <tr key={line.id}>
            <td>{line.itemName}</td>
            <td>{line.lotNumber}</td>
            <td>{showDate(line.expiryOn)}</td>
            <td className="num">{line.snapshotQuantity ?? 'hidden'}</td>
            <td>
              {open ? (
                <input
                  ref={(input) => register(line.lotId, input)}
                  aria-label={t('CountSheet.countedLot', { itemName: line.itemName, lotNumber: line.lotNumber })}
                  aria-invalid={errors[line.lotId] ? true : undefined}
                  aria-describedby={errors[line.lotId] ? `count-error-${line.id}` : undefined}
                  inputMode="numeric"
                  className="count-input"
                  value={counted(line)}
                  onChange={(event) => onType(line.lotId, event.target.value)}
                />
              ) : (
                (line.countedQuantity ?? '—')
              )}
              {errors[line.lotId] && (
                <small id={`count-error-${line.id}`} className="field-error">
                  {errors[line.lotId]}
                </small>
              )}
            </td>
            <td className="num">
              {line.variance === null ? '' : line.variance > 0 ? `+${line.variance}` : line.variance}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
