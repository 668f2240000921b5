import type { DuplicateCandidate } from '../../../../src-shared/patients/model';
import { navigate } from '../../hooks/navigation';
import { useCalendarDate } from '../../format/calendar-date';
import { Trans, useTranslation } from '../../i18n';

interface DuplicatePanelProps {
  candidates: DuplicateCandidate[];
  confirmed: string[];
  onConfirm: (patientId: string, notSame: boolean) => void;
}

/** Possible duplicates of the record being typed, each with why it looks the same. */
export function DuplicatePanel({ candidates, confirmed, onConfirm }: DuplicatePanelProps) {
  const { t } = useTranslation('patients');
  const showDate = useCalendarDate();
  if (candidates.length === 0) return null;
  return (
    <aside className="duplicates" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('DuplicatePanel.possibleDuplicates')}</h2>
      <p className="hint">{t('DuplicatePanel.openTheExistingRecordInstead')}</p>
      <ul>
        {candidates.map((candidate) => (
          <li key={candidate.patient.id} className={`candidate ${candidate.strength}`}>
            <a
              href={`#/patients/${candidate.patient.id}`}
              // Opening the existing record instead is what this panel is for: the draft is dropped without asking.
              onClick={(event) => {
                event.preventDefault();
                navigate(`#/patients/${candidate.patient.id}`);
              }}
            >
              {candidate.patient.name} · {showDate(candidate.patient.dob)} · {candidate.patient.mrn}
            </a>
            <span className="tag">
              {candidate.strength === 'strong' ? t('DuplicatePanel.likelyTheSamePerson') : t('DuplicatePanel.possible')}
            </span>
            <ul className="reasons">
              {candidate.reasons.map((reason) => (
                <li key={reason.code}>{reason.message}</li>
              ))}
            </ul>
            {candidate.strength === 'strong' && (
              <label className="checkbox">
                <Trans
                  t={t}
                  i18nKey="DuplicatePanel.notTheSamePersonAs"
                  values={{ patientName: candidate.patient.name }}
                  components={{
                    input: (
                      <input
                        type="checkbox"
                        checked={confirmed.includes(candidate.patient.id)}
                        onChange={(event) => onConfirm(candidate.patient.id, event.target.checked)}
                      />
                    ),
                  }}
                />
              </label>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
