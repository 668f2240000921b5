import { useState, type KeyboardEvent } from 'react';
import { formatMoney } from '../../../../src-shared/billing/money';
import type { PurchaseOrder } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { readAmount } from '../billing/money-field';
import { savePdf } from '../billing/pdf';
import { ORDER_STATUS_LABELS } from './order-status';
import { ReceiptTable, type ReceiptDraft } from './ReceiptTable';
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
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | undefined>();
  const [lineErrors, setLineErrors] = useState<Record<string, Record<string, string>>>({});
  const [message, setMessage] = useState<{ error: string | null; done: string | null }>({ error: null, done: null });
  const view = order.value;
  const money = setup.value?.money;

  const draftOf = (line: PurchaseOrder['lines'][number]): ReceiptDraft =>
    drafts[line.id] ?? { lotNumber: '', expiryOn: '', quantity: String(line.quantity - line.received), cost: '' };
  const edit = (lineId: string, draft: ReceiptDraft) => setDrafts((current) => ({ ...current, [lineId]: draft }));

  async function readScan(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !view) return;
    event.preventDefault();
    setScanError(undefined);
    const answer = await call('stock.scan', { text: scan });
    if (!answer.ok) return setScanError(answer.error.details?.fields?.text ?? answer.error.message);
    const line = view.lines.find((candidate) => candidate.itemId === answer.value.item?.id);
    if (!line) return setScanError(t('OrderPage.isNotAnItemOn'));
    const current = draftOf(line);
    edit(line.id, {
      ...current,
      lotNumber: answer.value.lotNumber ?? current.lotNumber,
      expiryOn: answer.value.expiryOn ?? current.expiryOn,
    });
    setScan('');
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
    setLineErrors({});
    const chosen = view.lines.filter((line) => drafts[line.id]?.lotNumber.trim());
    if (chosen.length === 0) return setMessage({ error: t('OrderPage.typeTheLotNumberOf'), done: null });
    const costs = chosen.map((line) => readAmount(draftOf(line).cost, money, { optional: true }));
    const badCost = chosen.findIndex((_, index) => costs[index]?.problem);
    if (badCost >= 0) {
      const line = chosen[badCost];
      if (line) setLineErrors({ [line.id]: { unitCostMinor: costs[badCost]?.problem ?? '' } });
      return setMessage({ error: t('OrderPage.pleaseCorrectTheFieldsMarked'), done: null });
    }
    const result = await call('purchasing.receive', {
      orderId,
      lines: chosen.map((line, index) => {
        const draft = draftOf(line);
        return {
          lineId: line.id,
          lotNumber: draft.lotNumber,
          expiryOn: draft.expiryOn === '' ? null : draft.expiryOn,
          quantity: typedUnits(draft.quantity),
          unitCostMinor: costs[index]?.minor ?? null,
        };
      }),
    });
    if (!result.ok) {
      const byLine: Record<string, Record<string, string>> = {};
      for (const [path, problem] of Object.entries(result.error.details?.fields ?? {})) {
        const match = /^lines\.(\d+)\.(\w+)$/.exec(path);
        const line = match ? chosen[Number(match[1])] : undefined;
        if (line && match?.[2]) byLine[line.id] = { ...byLine[line.id], [match[2]]: problem };
      }
      setLineErrors(byLine);
      const shown = Object.keys(byLine).length > 0;
      return setMessage({
        error: shown ? t('OrderPage.pleaseCorrectTheFieldsMarked') : result.error.message,
        done: null,
      });
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
        <div className="count-scan">
          <Field
            label={t('OrderPage.scanABox')}
            value={scan}
            onChange={(event) => setScan(event.target.value)}
            onKeyDown={(event) => void readScan(event)}
            error={scanError}
            hint={t('OrderPage.itsItemSLineGets')}
            autoComplete="off"
          />
        </div>
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
      <FormMessage error={message.error} success={message.done} />
    </section>
  );
}
