import { Fragment, useRef, useState, type SyntheticEvent } from 'react';
import type { InvoiceView, ServiceView, TaxView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { editedLine, lineForService, linesAsTyped, type EditedLine } from './invoice-lines';
import { InvoiceTotals } from './InvoiceTotals';
import { LineShares, type ShareField } from './LineShares';
import { Trans, useTranslation } from '../../i18n';
import { KEY_TAGS } from '../../components/key-tags';

interface InvoiceEditorProps {
  invoice: InvoiceView;
  services: readonly ServiceView[];
  taxes: readonly TaxView[];
  money: MoneyFormat;
  /** After a save or the issue: the invoice as main now has it. */
  onChanged: (invoice: InvoiceView) => void;
}

type LineField =
  'description' | 'quantity' | 'price' | 'discount' | 'discountReason' | 'taxId' | 'insurer' | ShareField;
/** Main's field names for the columns the desk types in. */
const MAIN_FIELD: Record<LineField, string> = {
  description: 'description',
  quantity: 'quantity',
  price: 'unitPriceMinor',
  discount: 'discountMinor',
  discountReason: 'discountReason',
  taxId: 'taxId',
  insurer: 'insurerMinor',
  copay: 'copayMinor',
  deductible: 'deductibleMinor',
  coinsurance: 'coinsuranceMinor',
};

/** The lines under the names main's errors use (`lines.0.unitPriceMinor`), so an error goes when its cell changes. */
function namedAsMain(lines: readonly EditedLine[]) {
  const fields = Object.entries(MAIN_FIELD) as [LineField, string][];
  return { lines: lines.map((line) => Object.fromEntries(fields.map(([field, main]) => [main, line[field]]))) };
}

/**
 * A draft invoice's lines, editable: add a service, change quantity, price, discount (with its reason)
 * and tax; Enter saves, "Issue invoice" saves and issues (after which it never changes).
 */
export function InvoiceEditor({ invoice, services, taxes, money, onChanged }: InvoiceEditorProps) {
  const { t } = useTranslation('billing');
  const [lines, setLines] = useState<EditedLine[]>(() => invoice.lines.map((line) => editedLine(line, money)));
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState('');
  const [busy, setBusy] = useState(false);
  /** What is wrong with these lines: each number as the clinic writes it, then main's rules for the draft. */
  const problems = (next: readonly EditedLine[] = lines): Record<string, string> => {
    const typed = linesAsTyped(next, money);
    return {
      ...draftProblems('invoices.saveDraft', {
        invoiceId: invoice.id,
        lines: typed.lines,
        expectedUpdatedAt: invoice.updatedAt,
      }),
      ...typed.problems,
    };
  };
  const { errors, show, clear } = useFormErrors(namedAsMain(lines), problems);
  const picker = useRef<HTMLSelectElement>(null);
  const activeServices = services.filter((service) => service.active);
  /** Billed to an insurer: each line splits into the insurer's expected part and the patient's (copay and the like). */
  const insured = invoice.payer !== null;

  const edit = (index: number, field: LineField, value: string) => {
    setLines((current) => current.map((line, at) => (at === index ? { ...line, [field]: value } : line)));
    setDirty(true);
  };

  async function send(issue: boolean, next: EditedLine[] = lines) {
    clear();
    // Errors on line fields sit in their cells; anything else by the buttons.
    const shown = next.flatMap((_, index) => Object.values(MAIN_FIELD).map((field) => `lines.${index}.${field}`));
    const local = problems(next);
    if (Object.keys(local).length > 0) {
      // Refused here in main's words, about the lines as they now are (a line may just have been added).
      const refusal = { code: 'VALIDATION' as const, message: t('InvoiceEditor.pleaseCorrectTheLinesMarked') };
      return show({ ...refusal, details: { fields: local } }, shown, namedAsMain(next));
    }
    setBusy(true);
    const input = {
      invoiceId: invoice.id,
      lines: linesAsTyped(next, money).lines,
      expectedUpdatedAt: invoice.updatedAt,
    };
    const result = issue ? await call('invoices.issue', input) : await call('invoices.saveDraft', input);
    setBusy(false);
    if (!result.ok) return show(result.error, shown, namedAsMain(next));
    setLines(result.value.lines.map((line) => editedLine(line, money)));
    setDirty(false);
    onChanged(result.value);
  }

  function addService() {
    const service = activeServices.find((candidate) => candidate.id === adding);
    if (!service) return;
    const next = [...lines, lineForService(service, money)];
    setLines(next);
    setAdding('');
    // Saved at once, so the totals (and the tax) show what the new line costs.
    void send(false, next);
  }

  function remove(index: number) {
    const next = lines.filter((_, at) => at !== index);
    setLines(next);
    void send(false, next);
  }

  const problem = (index: number, field: LineField) => errors.fields[`lines.${index}.${MAIN_FIELD[field]}`];
  const cell = (index: number, field: LineField, label: string, props: { inputMode?: 'decimal' | 'numeric' } = {}) => {
    const line = lines[index];
    if (!line) return null;
    const error = problem(index, field);
    const errorId = `line-${line.key}-${field}-error`;
    return (
      <td>
        <input
          aria-label={t('InvoiceEditor.line', { label, index: index + 1 })}
          value={line[field]}
          onChange={(event) => edit(index, field, event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`line-${field}`}
          {...props}
        />
        {error && (
          <small id={errorId} className="field-error block">
            {error}
          </small>
        )}
      </td>
    );
  };

  return (
    <form
      aria-label={t('InvoiceEditor.invoiceLines')}
      className="invoice-editor"
      noValidate
      onSubmit={(event: SyntheticEvent) => {
        event.preventDefault();
        void send(false);
      }}
      onKeyDown={(event) => {
        if (event.altKey && event.key.toLowerCase() === 'n') {
          event.preventDefault();
          picker.current?.focus();
        }
        if (event.altKey && event.key.toLowerCase() === 'i') {
          event.preventDefault();
          void send(true);
        }
      }}
    >
      <table className={insured ? 'invoice-lines insured' : 'invoice-lines'}>
        <thead>
          <tr>
            <th scope="col">{t('InvoiceEditor.service')}</th>
            <th scope="col">{t('InvoiceEditor.qty')}</th>
            <th scope="col">{t('InvoiceEditor.price')}</th>
            <th scope="col">{t('InvoiceEditor.discount')}</th>
            <th scope="col">{t('InvoiceEditor.discountReason')}</th>
            <th scope="col">{t('InvoiceEditor.tax')}</th>
            <th scope="col" className="num">
              {t('InvoiceEditor.lineTotal')}
            </th>
            {insured && <th scope="col">{t('InvoiceEditor.insurerPays')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('InvoiceEditor.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const saved = invoice.lines.find((candidate) => candidate.id === line.id);
            return (
              <Fragment key={line.key}>
                <tr>
                  {cell(index, 'description', t('InvoiceEditor.description'))}
                  {cell(index, 'quantity', t('InvoiceEditor.quantity'), { inputMode: 'numeric' })}
                  {cell(index, 'price', t('InvoiceEditor.price'), { inputMode: 'decimal' })}
                  {cell(index, 'discount', t('InvoiceEditor.discount'), { inputMode: 'decimal' })}
                  {cell(index, 'discountReason', t('InvoiceEditor.discountReason'))}
                  <td>
                    <select
                      aria-label={t('InvoiceEditor.taxLine', { index: index + 1 })}
                      value={line.taxId}
                      onChange={(event) => edit(index, 'taxId', event.target.value)}
                    >
                      <option value="">{t('InvoiceEditor.noTax')}</option>
                      {taxes
                        .filter((tax) => tax.active || tax.id === line.taxId)
                        .map((tax) => (
                          <option key={tax.id} value={tax.id}>
                            {tax.name}
                          </option>
                        ))}
                    </select>
                    {problem(index, 'taxId') && <small className="field-error block">{problem(index, 'taxId')}</small>}
                  </td>
                  <td className="num">
                    {saved && !dirty ? formatMoney(saved.totalMinor, money) : '…'}
                    {insured && saved && !dirty && (
                      <span className="sub">
                        {t('InvoiceEditor.patientPart', {
                          amount: formatMoney(saved.totalMinor - saved.insurerMinor, money),
                        })}
                      </span>
                    )}
                  </td>
                  {insured && cell(index, 'insurer', t('InvoiceEditor.insurerPays'), { inputMode: 'decimal' })}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('InvoiceEditor.removeLine', { index: index + 1, description: line.description })}
                      onClick={() => remove(index)}
                      disabled={busy}
                    >
                      {t('InvoiceEditor.remove')}
                    </button>
                  </td>
                </tr>
                {insured && (
                  <LineShares
                    line={line}
                    index={index}
                    saved={dirty ? undefined : saved}
                    money={money}
                    columns={9}
                    error={(field) => problem(index, field)}
                    onEdit={(field, value) => edit(index, field, value)}
                  />
                )}
              </Fragment>
            );
          })}
          {lines.length === 0 && (
            <tr>
              <td colSpan={insured ? 9 : 8} className="muted">
                {t('InvoiceEditor.noLinesYetAddA')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="invoice-add">
        <label htmlFor="add-service">{t('InvoiceEditor.addService')}</label>
        <select
          id="add-service"
          ref={picker}
          autoFocus
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
        >
          <option value="">{t('InvoiceEditor.chooseAService')}</option>
          {activeServices.map((service) => (
            <option key={service.id} value={service.id}>
              {service.code} · {service.name} · {formatMoney(service.defaultPriceMinor, money)}
            </option>
          ))}
        </select>
        <button type="button" onClick={addService} disabled={!adding || busy}>
          {t('InvoiceEditor.addLine')}
        </button>
      </div>
      {dirty ? (
        <p className="hint">{t('InvoiceEditor.changesNotSavedYetPress')}</p>
      ) : (
        <InvoiceTotals invoice={invoice} money={money} />
      )}
      <FormMessage error={errors.form} />
      <div className="actions">
        <button type="submit" disabled={busy || !dirty}>
          {t('InvoiceEditor.saveLines')}
        </button>
        <button type="button" className="primary" disabled={busy || lines.length === 0} onClick={() => void send(true)}>
          {t('InvoiceEditor.issueInvoice')}
        </button>
      </div>
      <p className="hint">
        <Trans t={t} i18nKey="InvoiceEditor.altNAddAService" components={KEY_TAGS} />
      </p>
    </form>
  );
}
