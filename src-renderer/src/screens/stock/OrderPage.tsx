import { useState } from 'react';
import { formatMoney } from '../../../../src-shared/billing/money';
import type { PurchaseOrder } from '../../../../src-shared/stock/model';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { readAmount } from '../billing/money-field';
import { savePdf } from '../billing/pdf';
import { ORDER_STATUS_LABELS } from './order-status';
import { ReceiptTable, type ReceiptDraft } from './ReceiptTable';
import { ScanField } from './ScanField';
import { typedUnits } from './units-text';
import { useTranslation, variant } from '../../i18n';

const RECEIVABLE = new Set(['sent', 'partly_received']);

/**
 * `#/stock/order/<id>`: one purchase order — its lines and what has arrived; send, cancel or close it
 * short; receive a delivery line by line (lot, expiry, units, cost), a scanned box filling its line.
 */
export function OrderPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation('stock');
  const can = useSession((state) => state.can);
  const order = useProcedure('purchasing.view', { orderId }, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {});
  const [drafts, setDrafts] = useState<Record<string, ReceiptDraft>>({});
  const [message, setMessage] = useState<{ error: string | null; done: string | null }>({ error: null, done: null });
  const view = order.value;
  const money = setup.value?.money;

  const draftOf = (line: PurchaseOrder['lines'][number]): ReceiptDraft =>
    drafts[line.id] ?? { lotNumber: '', expiryOn: '', quantity: String(line.quantity - line.received), cost: '' };
  const edit = (lineId: string, draft: ReceiptDraft) => setDrafts((current) => ({ ...current, [lineId]: draft }));

  /** The delivery as it would go (the lines with a lot typed), and what was typed wrong in a cost. */
  const delivery = () => {
    const chosen = (view?.lines ?? []).filter((line) => drafts[line.id]?.lotNumber.trim());
    const typing: Record<string, string> = {};
    const lines = chosen.map((line): Input<'purchasing.receive'>['lines'][number] => {
      const draft = draftOf(line);
      const cost = money ? readAmount(draft.cost, money, { optional: true }) : { minor: undefined, problem: null };
      if (cost.problem) typing[`receipt.${line.id}.unitCostMinor`] = cost.problem;
      return {
        lineId: line.id,
        lotNumber: draft.lotNumber,
        expiryOn: draft.expiryOn === '' ? null : draft.expiryOn,
        quantity: typedUnits(draft.quantity),
        unitCostMinor: cost.minor ?? null,
      };
    });
    return { chosen, typing, input: { orderId, lines } };
  };
  /** Main names a line by its place in what was sent (`lines.0.quantity`); the table by the order line. */
  const byLine = (fields: Record<string, string>, chosen: readonly { id: string }[]): Record<string, string> =>
    Object.fromEntries(
      Object.entries(fields).map(([path, problem]) => {
        const match = /^lines\.(\d+)\.(\w+)$/.exec(path);
        const line = match ? chosen[Number(match[1])] : undefined;
        return [line && match ? `receipt.${line.id}.${match[2] ?? ''}` : path, problem];
      }),
    );
  /** What is wrong as typed: each cost as the clinic writes money, then main's rules for the delivery. */
  const problems = (): Record<string, string> => {
    const { chosen, typing, input } = delivery();
    if (chosen.length === 0) return {};
    return { ...byLine(draftProblems('purchasing.receive', input), chosen), ...typing };
  };
  const receipts = Object.fromEntries(
    Object.entries(drafts).map(([lineId, draft]) => [
      lineId,
      { lotNumber: draft.lotNumber, expiryOn: draft.expiryOn, quantity: draft.quantity, unitCostMinor: draft.cost },
    ]),
  );
  const { errors, show, showProblems, clear } = useFormErrors({ receipt: receipts }, problems);
  const lineErrors: Record<string, Record<string, string>> = {};
  for (const [path, problem] of Object.entries(errors.fields)) {
    const [head, lineId, field] = path.split('.');
    if (head === 'receipt' && lineId && field) lineErrors[lineId] = { ...lineErrors[lineId], [field]: problem };
  }

  async function savePdfOfOrder() {
    const result = await call('purchasing.pdf', { orderId });
    if (!result.ok) return setMessage({ error: result.error.message, done: null });
    savePdf(result.value);
    setMessage({ error: null, done: t('OrderPage.saved', { fileName: result.value.fileName }) });
  }

  async function move(action: 'purchasing.send' | 'purchasing.cancel' | 'purchasing.close', done: string) {
    const result = await call(action, { orderId });
    setMessage(result.ok ? { error: null, done } : { error: result.error.message, done: null });
  }

  async function receive() {
    if (!view || !money) return;
    clear();
    setMessage({ error: null, done: null });
    const { chosen, input } = delivery();
    if (chosen.length === 0) return setMessage({ error: t('OrderPage.typeTheLotNumberOf'), done: null });
    const shown = chosen.flatMap((line) =>
      ['lotNumber', 'expiryOn', 'quantity', 'unitCostMinor'].map((field) => `receipt.${line.id}.${field}`),
    );
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    const result = await call('purchasing.receive', input);
    if (!result.ok) {
      const fields = byLine(result.error.details?.fields ?? {}, chosen);
      return show({ ...result.error, details: { ...result.error.details, fields } }, shown);
    }
    setDrafts({});
    setMessage({
      error: null,
      done: t('OrderPage.receivedLine', { count: chosen.length }),
    });
  }

  if (!view || !money) return <FormMessage error={order.error?.message ?? null} />;
  const total = view.lines.reduce((sum, line) => sum + line.quantity * line.unitCostMinor, 0);
  const receivable = RECEIVABLE.has(view.status) && can('stock:receive');
  return (
    <section aria-labelledby="order-title">
      <p>
        <a href="#/stock/orders">{t('OrderPage.purchaseOrders')}</a>
      </p>
      <h1 id="order-title">{t('OrderPage.orderFrom', { supplierName: view.supplierName })}</h1>
      <p className="lead">
        {t('OrderPage.atCost', {
          status: ORDER_STATUS_LABELS[view.status],
          reference: view.reference ?? '',
          context: variant(view.reference && 'reference'),
          total: formatMoney(total, money),
        })}
      </p>
      {can('stock:order') && (
        <div className="actions stock-order-actions">
          <button type="button" onClick={() => void savePdfOfOrder()}>
            {t('OrderPage.saveOrderPdf')}
          </button>
          {view.status === 'draft' && (
            <button type="button" onClick={() => void move('purchasing.send', t('OrderPage.markedAsSent'))}>
              {t('OrderPage.markAsSent')}
            </button>
          )}
          {(view.status === 'draft' || view.status === 'sent') && (
            <button type="button" onClick={() => void move('purchasing.cancel', t('OrderPage.cancelled'))}>
              {t('OrderPage.cancelOrder')}
            </button>
          )}
          {RECEIVABLE.has(view.status) && (
            <button type="button" onClick={() => void move('purchasing.close', t('OrderPage.closedShort'))}>
              {t('OrderPage.closeShort')}
            </button>
          )}
        </div>
      )}
      {receivable && (
        <ScanField
          label={t('OrderPage.scanABox')}
          hint={t('OrderPage.itsItemSLineGets')}
          onScanned={(scanned) => {
            const line = view.lines.find((candidate) => candidate.itemId === scanned.item?.id);
            if (!line) return t('OrderPage.isNotAnItemOn');
            const current = draftOf(line);
            edit(line.id, {
              ...current,
              lotNumber: scanned.lotNumber ?? current.lotNumber,
              expiryOn: scanned.expiryOn ?? current.expiryOn,
            });
            return null;
          }}
        />
      )}
      <ReceiptTable
        order={view}
        money={money}
        receivable={receivable}
        draftOf={draftOf}
        onEdit={edit}
        errors={lineErrors}
      />
      {receivable && (
        <button type="button" onClick={() => void receive()}>
          {t('OrderPage.receiveDelivery')}
        </button>
      )}
      <FormMessage error={message.error ?? errors.form} success={message.done} />
    </section>
  );
}
