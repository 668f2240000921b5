import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import type { PurchaseOrder } from '../../../../src-shared/stock/model';
import { DateField } from '../../components/DateField';
import { useTranslation } from '../../i18n';

export interface ReceiptDraft {
  lotNumber: string;
  expiryOn: string;
  quantity: string;
  cost: string;
}

type Line = PurchaseOrder['lines'][number];

/** An order's lines: what was ordered and has arrived, and, while it can be received, one receipt row per line. */
export function ReceiptTable({
  order,
  money,
  receivable,
  draftOf,
  onEdit,
  errors,
}: {
  order: PurchaseOrder;
  money: MoneyFormat;
  receivable: boolean;
  draftOf: (line: Line) => ReceiptDraft;
  onEdit: (lineId: string, draft: ReceiptDraft) => void;
  errors: Record<string, Record<string, string>>;
}) {
  const { t } = useTranslation('stock');
  return (
    <table aria-label={t('ReceiptTable.orderLines')}>
      <thead>
        <tr>
          <th scope="col">{t('ReceiptTable.item')}</th>
          <th scope="col" className="num">
            {t('ReceiptTable.ordered')}
          </th>
          <th scope="col" className="num">
            {t('ReceiptTable.received')}
          </th>
          <th scope="col" className="num">
            {t('ReceiptTable.unitCost')}
          </th>
          {receivable && <th scope="col">{t('ReceiptTable.thisDelivery')}</th>}
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => {
          const draft = draftOf(line);
          const problems = errors[line.id] ?? {};
          const open = receivable && line.received < line.quantity;
          const set = (change: Partial<ReceiptDraft>) => onEdit(line.id, { ...draft, ...change });
          return (
            <tr key={line.id}>
              <td>{line.itemName}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{line.received}</td>
              <td className="num">{formatMoney(line.unitCostMinor, money)}</td>
              {receivable && (
                <td>
                  {open ? (
                    <div className="receipt-row">
                      <LineInput
                        label={t('ReceiptTable.lotNumber', { itemName: line.itemName })}
                        value={draft.lotNumber}
                        onChange={(lotNumber) => set({ lotNumber })}
                        error={problems.lotNumber}
                      />
                      <DateField
                        label={t('ReceiptTable.expiry', { itemName: line.itemName })}
                        value={draft.expiryOn}
                        onChange={(expiryOn) => set({ expiryOn })}
                        error={problems.expiryOn}
                      />
                      <LineInput
                        label={t('ReceiptTable.units', { itemName: line.itemName })}
                        value={draft.quantity}
                        onChange={(quantity) => set({ quantity })}
                        error={problems.quantity}
                      />
                      <LineInput
                        label={t('ReceiptTable.unitCost2', { itemName: line.itemName })}
                        value={draft.cost}
                        onChange={(cost) => set({ cost })}
                        error={problems.unitCostMinor}
                      />
                    </div>
                  ) : (
                    t('ReceiptTable.allReceived')
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LineInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  // The visible label is short; the accessible name says which line it is for.
  const short = label.split(',')[0] ?? label;
  return (
    <label className="receipt-field">
      <span aria-hidden="true">{short}</span>
      <input
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <small className="field-error">{error}</small>}
    </label>
  );
}
