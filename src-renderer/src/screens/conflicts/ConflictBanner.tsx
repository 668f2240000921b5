import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import './conflicts.css';

/**
 * The banner on a record an open conflict is about (an appointment's panel, a patient's page), with a
 * link to the Conflicts screen. Nothing when there is none.
 */
export function ConflictBanner(props: { appointmentId: string } | { patientId: string }) {
  const { t } = useTranslation('conflicts');
  const input = 'appointmentId' in props ? { appointmentId: props.appointmentId } : { patientId: props.patientId };
  const list = useProcedure('conflicts.list', input, { refreshOn: { 'conflicts.changed': true } });
  const open = list.value ?? [];
  if (open.length === 0) return null;
  const what = [...new Set(open.map((conflict) => t(`kinds.${conflict.kind}`)))].join(', ');
  return (
    <div className="conflict-banner" role="status">
      {'appointmentId' in props
        ? t('ConflictBanner.appointment', { what })
        : t('ConflictBanner.patient', { count: open.length, what })}{' '}
      <a href="#/conflicts">{t('ConflictBanner.open')}</a>
    </div>
  );
}
