import { useState, type SyntheticEvent } from 'react';
import type { ClaimView } from '../../../../src-shared/billing/model';
import { type MoneyFormat } from '../../../../src-shared/billing/money';
import { REMITTANCE_ADJUSTMENT_CODES } from '../../../../src-shared/billing/reason-codes';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { readAmount } from './money-field';
import { i18next, useTranslation } from '../../i18n';

const AMOUNTS = ['allowed', 'paid', 'adjustment', 'patient'] as const;
type AmountKey = (typeof AMOUNTS)[number];
const MAIN_FIELD: Record<AmountKey, string> = {
  allowed: 'allowedMinor',
  paid: 'paidMinor',
  adjustment: 'adjustmentMinor',
  patient: 'patientMinor',
};
const LABELS: Record<AmountKey, string> = {
  get allowed() {
    return i18next.t('billing:RemittanceForm.allowed');
  },
  get paid() {
    return i18next.t('billing:RemittanceForm.paid');
  },
  get adjustment() {
    return i18next.t('billing:RemittanceForm.adjustment');
  },
  get patient() {
    return i18next.t('billing:RemittanceForm.patientResponsibility');
  },
};

type LineDraft = Record<AmountKey, string> & { code: string };

/** A line's draft under the names main's errors use (`lines.0.paidMinor`), so an error goes when its cell changes. */
function namedAsMain(draft: LineDraft): Record<string, string> {
  return {
    ...Object.fromEntries(AMOUNTS.map((key) => [MAIN_FIELD[key], draft[key]])),
    adjustmentCode: draft.code,
  };
}

/** Main's field paths name lines by their place in what was sent; the form's by their place on screen. */
function renumberLines(error: ApiErrorData, onScreen: readonly number[]): ApiErrorData {
  const fields = error.details?.fields;
  if (!fields) return error;
  return { ...error, details: { ...error.details, fields: renumberFields(fields, onScreen) } };
}

function renumberFields(fields: Record<string, string>, onScreen: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([path, problem]) => [
      path.replace(/^lines\.(\d+)\./u, (whole, sent: string) => {
        const index = onScreen[Number(sent)];
        return index === undefined ? whole : `lines.${index}.`;
      }),
      problem,
    ]),
  );
}

/** The payer's remittance, line by line: what was allowed, paid, adjusted (with its group code) and left to the patient. */
export function RemittanceForm({
  claim,
  money,
  today,
  onPosted,
}: {
  claim: ClaimView;
  money: MoneyFormat;
  today: string;
  onPosted: (claim: ClaimView) => void;
}) {
  const { t } = useTranslation('billing');
  const open = claim.lines.filter((line) => line.outstandingMinor > 0);
  const [receivedOn, setReceivedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<Record<string, LineDraft>>(() =>
    Object.fromEntries(open.map((line) => [line.id, { allowed: '', paid: '', adjustment: '', patient: '', code: '' }])),
  );
  /** The remittance as it would go, which line on screen each sent line is, and what was typed wrong in an amount. */
  const typed = () => {
    const sent: Input<'claims.postRemittance'>['lines'] = [];
    // Blank lines are not sent, so main's `lines.2` is the third line sent: where it stands on screen.
    const onScreen: number[] = [];
    const typing: Record<string, string> = {};
    for (const [index, line] of open.entries()) {
      const draft = lines[line.id];
      if (!draft || AMOUNTS.every((key) => draft[key].trim() === '')) continue;
      const amounts: Partial<Record<AmountKey, number>> = {};
      for (const key of AMOUNTS) {
        const amount = readAmount(draft[key], money, { optional: true });
        if (amount.problem) typing[`lines.${index}.${MAIN_FIELD[key]}`] = amount.problem;
        amounts[key] = amount.minor ?? 0;
      }
      const code = REMITTANCE_ADJUSTMENT_CODES.find((candidate) => candidate === draft.code) ?? null;
      onScreen.push(index);
      sent.push({
        claimLineId: line.id,
        allowedMinor: amounts.allowed ?? 0,
        paidMinor: amounts.paid ?? 0,
        adjustmentMinor: amounts.adjustment ?? 0,
        adjustmentCode: code,
        patientMinor: amounts.patient ?? 0,
      });
    }
    const input: Input<'claims.postRemittance'> = {
      claimId: claim.id,
      receivedOn,
      payerReference: reference.trim() || null,
      lines: sent,
    };
    return { input, onScreen, typing };
  };
  /** What is wrong as typed: each amount as the clinic writes money, then main's rules, on the lines as shown. */
  const problems = (): Record<string, string> => {
    const { input, onScreen, typing } = typed();
    return { ...renumberFields(draftProblems('claims.postRemittance', input), onScreen), ...typing };
  };
  const { errors, show, showProblems, clear } = useFormErrors(
    {
      receivedOn,
      payerReference: reference,
      lines: open.map((line) => {
        const draft = lines[line.id];
        return draft ? namedAsMain(draft) : null;
      }),
    },
    problems,
  );

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const shown = [
      'receivedOn',
      'payerReference',
      ...open.flatMap((_, index) =>
        [...Object.values(MAIN_FIELD), 'adjustmentCode'].map((field) => `lines.${index}.${field}`),
      ),
    ];
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    const { input, onScreen } = typed();
    const result = await call('claims.postRemittance', input);
    if (!result.ok) return show(renumberLines(result.error, onScreen), shown);
    onPosted(result.value);
  }

  if (!claim.canPostRemittance || open.length === 0) return null;
  return (
    <form aria-label={t('RemittanceForm.postRemittance')} onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('RemittanceForm.postThePayerSRemittance')}</h3>
      <div className="billing-fields">
        <DateField
          label={t('RemittanceForm.receivedOn')}
          value={receivedOn}
          onChange={(value) => setReceivedOn(value)}
          error={errors.fields.receivedOn}
        />
        <Field
          label={t('RemittanceForm.remittanceReference')}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          error={errors.fields.payerReference}
        />
      </div>
      {open.map((line, index) => {
        const draft = lines[line.id];
        if (!draft) return null;
        const set = (key: keyof LineDraft, value: string) =>
          setLines({ ...lines, [line.id]: { ...draft, [key]: value } });
        return (
          <fieldset key={line.id} className="billing-fields">
            <legend>
              {line.code ?? ''} {line.description}
            </legend>
            {AMOUNTS.map((key) => (
              <Field
                key={key}
                label={`${LABELS[key]} (${line.code ?? t('RemittanceForm.line', { index: index + 1 })})`}
                inputMode="decimal"
                value={draft[key]}
                onChange={(event) => set(key, event.target.value)}
                error={errors.fields[`lines.${index}.${MAIN_FIELD[key]}`]}
              />
            ))}
            <div className="field">
              <label htmlFor={`code-${line.id}`}>{t('RemittanceForm.adjustmentCode')}</label>
              <select id={`code-${line.id}`} value={draft.code} onChange={(event) => set('code', event.target.value)}>
                <option value="">{t('RemittanceForm.none')}</option>
                {REMITTANCE_ADJUSTMENT_CODES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
              {errors.fields[`lines.${index}.adjustmentCode`] && (
                <small className="field-error">{errors.fields[`lines.${index}.adjustmentCode`]}</small>
              )}
            </div>
          </fieldset>
        );
      })}
      <FormMessage error={errors.form} />
      <button type="submit" className="primary">
        {t('RemittanceForm.postRemittance')}
      </button>
    </form>
  );
}
