import type { AuditEntry } from '../../../../src-shared/api/areas/audit';
import { formatDateTime, type ClinicClock } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { i18next, useTranslation } from '../../i18n';

const OUTCOME_LABELS = {
  get ok() {
    return i18next.t('audit:AuditTable.succeeded');
  },
  get failed() {
    return i18next.t('audit:AuditTable.failed');
  },
  get denied() {
    return i18next.t('audit:AuditTable.denied');
  },
} as const;

/** Keys whose numbers are instants: `at`, `start`, `end`, `from`, `to`, or ending in `At`. */
const INSTANT_KEY = /^(at|start|end|from|to|when)$|At$/;
/** Epoch milliseconds from 2001 to 2286: a count or an amount is never in this range under those keys. */
const INSTANT_RANGE = [1e12, 1e13] as const;

/** A detail as a person reads it: an instant as the clinic's date and time, not 1796637600000. */
export function describeValue(key: string, value: unknown, clock: ClinicClock): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (
    typeof value === 'number' &&
    INSTANT_KEY.test(key) &&
    Number.isInteger(value) &&
    value >= INSTANT_RANGE[0] &&
    value < INSTANT_RANGE[1]
  ) {
    return formatDateTime(value, clock);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function Details({ details, clock }: { details: AuditEntry['details']; clock: ClinicClock }) {
  if (!details || Object.keys(details).length === 0) return null;
  return (
    <dl className="details-list">
      {Object.entries(details).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{describeValue(key, value, clock)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation('audit');
  const clock = useClinicClock();
  return (
    <table className="audit-table">
      <caption className="visually-hidden">{t('AuditTable.auditEntriesNewestFirst')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('AuditTable.time')}</th>
          <th scope="col">{t('AuditTable.user')}</th>
          <th scope="col">{t('AuditTable.action')}</th>
          <th scope="col">{t('AuditTable.target')}</th>
          <th scope="col">{t('AuditTable.outcome')}</th>
          <th scope="col">{t('AuditTable.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq} className={entry.outcome === 'ok' ? undefined : `outcome-${entry.outcome}`}>
            <td className="num">{entry.seq}</td>
            <td className="nowrap">{formatDateTime(entry.at, clock)}</td>
            <td>{entry.actorUsername ?? '—'}</td>
            <td className="mono">{entry.action}</td>
            <td>
              {entry.targetType ? (
                <>
                  {entry.targetType}{' '}
                  <span className="muted mono" title={entry.targetId ?? undefined}>
                    {entry.targetId?.slice(-8)}
                  </span>
                </>
              ) : (
                '—'
              )}
            </td>
            <td>
              <span className={`badge badge-${entry.outcome}`}>{OUTCOME_LABELS[entry.outcome]}</span>
            </td>
            <td>
              <Details details={entry.details} clock={clock} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
