import { useState } from 'react';
import type { ConflictView } from '../../../../src-shared/api/areas/conflicts';
import { formatDateTime } from '../../format/datetime';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';
import { describeSide, sideHref } from './describe';
import { ResolveForm } from './ResolveForm';
import { DeskWorkActions } from '../tasks/DeskWorkActions';
import type { TaskSubject } from '../tasks/NewTaskForm';
import './conflicts.css';

/**
 * `#/conflicts`: the inbox of what desks did apart that no merge rule can judge (issue 17). Each open
 * conflict with its kind, the records it is about (as links), when it was found, and what to do: open
 * the appointment to move it, compare and merge the patients, open stock, or mark it resolved with a
 * note. Live: any desk resolving or a sync finding one re-reads the list (`conflicts.changed`).
 */
export function ConflictsScreen() {
  const { t } = useTranslation('conflicts');
  const [withResolved, setWithResolved] = useState(false);
  const list = useProcedure('conflicts.list', withResolved ? { includeResolved: true } : {}, {
    refreshOn: { 'conflicts.changed': true },
  });
  const conflicts = list.value ?? [];

  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('ConflictsScreen.title')}</h1>
      <p>{t('ConflictsScreen.intro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={withResolved} onChange={(event) => setWithResolved(event.target.checked)} />{' '}
        {t('ConflictsScreen.showResolved')}
      </label>
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.value === null && !list.error && <p>{t('ConflictsScreen.loading')}</p>}
      {list.value !== null && conflicts.length === 0 && <p role="status">{t('ConflictsScreen.none')}</p>}
      {conflicts.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('ConflictsScreen.openConflicts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ConflictsScreen.kind')}</th>
              <th scope="col">{t('ConflictsScreen.what')}</th>
              <th scope="col">{t('ConflictsScreen.found')}</th>
              <th scope="col">{t('ConflictsScreen.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((conflict) => (
              <ConflictRow key={conflict.id} conflict={conflict} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ConflictRow({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation('conflicts');
  const clock = useClinicClock();
  const first = describeSide(t, conflict.first, null, clock);
  const second = describeSide(t, conflict.second, conflict.amount, clock);
  const reasons = conflict.reasons.map((reason) => t(`reasons.${reason}`)).join(', ');
  return (
    <tr>
      <td>
        <strong>{t(`kinds.${conflict.kind}`)}</strong>
        {reasons && <div className="hint">{reasons}</div>}
      </td>
      <td>
        <ul className="conflict-sides">
          <li>
            <a href={sideHref(conflict.first, clock.timeZone)}>{first}</a>
          </li>
          <li>
            <a href={sideHref(conflict.second, clock.timeZone)}>{second}</a>
          </li>
        </ul>
      </td>
      <td>{formatDateTime(conflict.detectedAt, clock)}</td>
      <td>
        {conflict.resolved ? (
          <p>
            {conflict.resolved.bySystem
              ? t('ConflictsScreen.resolvedBySystem', { note: conflict.resolved.note })
              : t('ConflictsScreen.resolvedBy', {
                  name: conflict.resolved.byName ?? t('ConflictsScreen.someone'),
                  note: conflict.resolved.note,
                })}
          </p>
        ) : (
          <div className="conflict-actions">
            <KindActions conflict={conflict} />
            <DeskWorkActions
              subject={taskSubject(conflict, `${t(`kinds.${conflict.kind}`)}: ${first}`)}
              logCall={false}
            />
            {conflict.canResolve ? (
              <ResolveForm conflict={conflict} label={`${t(`kinds.${conflict.kind}`)}, ${first}`} />
            ) : (
              <p className="hint">{t('ConflictsScreen.cannotResolve')}</p>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

/**
 * What a task made from a conflict is about: a double booking's first appointment (its patient follows),
 * a likely duplicate's first patient; stock and drawers are no patient's, so those tasks carry the words only.
 * A record not on this desk yet cannot be named in a task.
 */
function taskSubject(conflict: ConflictView, label: string): TaskSubject {
  const title = label.slice(0, 200);
  const here = conflict.first.name !== null;
  if (conflict.kind === 'double_booking' && here) return { appointmentId: conflict.first.id, label, title };
  if (conflict.kind === 'duplicate_patient' && here) return { patientId: conflict.first.id, label, title };
  return { label, title };
}

/** What to open to fix each kind. */
function KindActions({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation('conflicts');
  const clock = useClinicClock();
  switch (conflict.kind) {
    case 'double_booking':
      return (
        <ul className="conflict-links">
          {[conflict.first, conflict.second].map((side) => (
            <li key={side.id}>
              <a href={sideHref(side, clock.timeZone)}>
                {t('actionsFor.openAppointment', { name: side.name ?? t('ConflictsScreen.notHere') })}
              </a>
            </li>
          ))}
        </ul>
      );
    case 'duplicate_patient':
      return (
        <ul className="conflict-links">
          <li>
            <a
              href={`#/patients/merge/${encodeURIComponent(conflict.first.id)}/${encodeURIComponent(conflict.second.id)}`}
            >
              {t('actionsFor.reviewDuplicate')}
            </a>
          </li>
          <li>
            <a href="#/patients/duplicates">{t('actionsFor.reviewDuplicates')}</a>
          </li>
        </ul>
      );
    case 'negative_stock':
      return (
        <ul className="conflict-links">
          <li>
            <a href={conflict.first.itemId ? `#/stock/item/${encodeURIComponent(conflict.first.itemId)}` : '#/stock'}>
              {t('actionsFor.openStock', { name: conflict.first.name ?? '' })}
            </a>
          </li>
        </ul>
      );
    case 'closed_drawer_payment':
      return (
        <ul className="conflict-links">
          <li>
            <a href="#/billing">{t('actionsFor.openBilling')}</a>
          </li>
        </ul>
      );
  }
}
