import type { InvoiceLineView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useTranslation } from '../../i18n';
import type { EditedLine } from './invoice-lines';

export type ShareField = 'copay' | 'deductible' | 'coinsurance';
export const SHARE_FIELDS: readonly ShareField[] = ['copay', 'deductible', 'coinsurance'];

interface LineSharesProps {
  line: EditedLine;
  index: number;
  /** The line as last saved (its patient's part and what of it is not covered), when nothing is typed since. */
  saved: InvoiceLineView | undefined;
  money: MoneyFormat;
  columns: number;
  error: (field: ShareField) => string | undefined;
  onEdit: (field: ShareField, value: string) => void;
}

/**
 * Under an insured line: the patient's part named — copay, deductible, coinsurance — each typed as
 * the clinic writes money; what is left of the part is not covered.
 */
export function LineShares({ line, index, saved, money, columns, error, onEdit }: LineSharesProps) {
  const { t } = useTranslation('billing');
  const label: Record<ShareField, string> = {
    copay: t('LineShares.copay'),
    deductible: t('LineShares.deductible'),
    coinsurance: t('LineShares.coinsurance'),
  };
  const notCovered = saved
    ? saved.patientMinor - saved.copayMinor - saved.deductibleMinor - saved.coinsuranceMinor
    : null;
  return (
    <tr className="line-shares">
      <td colSpan={columns}>
        <span className="muted">{t('LineShares.patientPartOfLine', { index: index + 1 })}</span>
        {SHARE_FIELDS.map((field) => {
          const id = `line-${line.key}-${field}`;
          const problem = error(field);
          return (
            <span key={field} className="share-field">
              <label htmlFor={id}>{label[field]}</label>
              <input
                id={id}
                value={line[field]}
                inputMode="decimal"
                onChange={(event) => onEdit(field, event.target.value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
                aria-label={t('LineShares.fieldOfLine', { label: label[field], index: index + 1 })}
              />
              {problem && (
                <small id={`${id}-error`} className="field-error block">
                  {problem}
                </small>
              )}
            </span>
          );
        })}
        {notCovered !== null && notCovered > 0 && (
          <span className="muted">{t('LineShares.notCovered', { amount: formatMoney(notCovered, money) })}</span>
        )}
      </td>
    </tr>
  );
}
