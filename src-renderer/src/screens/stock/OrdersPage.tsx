import { useState } from 'react';
import type { SuggestedLine } from '../../../../src-shared/stock/model';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format/datetime';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { navigate } from '../../hooks/navigation';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { ORDER_STATUS_LABELS } from './order-status';
import { typedUnits } from './units-text';
import { useTranslation } from '../../i18n';

/**
 * `#/stock/orders`: the suggested order (everything below its reorder level, counting what is already
 * on order), turned into a draft order for one supplier in one step; and the orders so far.
 */
export function OrdersPage() {
  const { t } = useTranslation('stock');
  const clock = useClinicClock();
  const canOrder = useSession((state) => state.can('stock:order'));
  const orders = useProcedure('purchasing.list', { statuses: null }, { refreshOn: { 'stock.changed': true } });
  return (
    <section aria-labelledby="orders-title">
      <p>
        <a href="#/stock">{t('OrdersPage.stockRoom')}</a>
      </p>
      <h1 id="orders-title">{t('OrdersPage.purchaseOrders')}</h1>
      {canOrder ? <SuggestedOrder /> : <p className="muted">{t('OrdersPage.ordersNeedAManager')}</p>}
      <table aria-label={t('OrdersPage.orders')}>
        <caption>{t('OrdersPage.orders')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('OrdersPage.supplier')}</th>
            <th scope="col">{t('OrdersPage.reference')}</th>
            <th scope="col">{t('OrdersPage.status')}</th>
            <th scope="col">{t('OrdersPage.made')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.value?.length === 0 && (
            <tr>
              <td colSpan={4}>{t('OrdersPage.noOrdersYet')}</td>
            </tr>
          )}
          {orders.value?.map((order) => (
            <tr key={order.id}>
              <td>
                <a href={`#/stock/order/${order.id}`}>{order.supplierName}</a>
              </td>
              <td>{order.reference ?? ''}</td>
              <td>{ORDER_STATUS_LABELS[order.status]}</td>
              <td>{formatDateTime(order.createdAt, clock)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SuggestedOrder() {
  const { t } = useTranslation('stock');
  const suggested = useProcedure('purchasing.suggested', {}, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {});
  const suppliers = (setup.value?.suppliers ?? []).filter((supplier) => supplier.active);
  const places = (setup.value?.locations ?? []).filter((place) => place.active);
  const [supplier, setSupplier] = useState('');
  const supplierId =
    supplier || (suggested.value?.find((line) => line.supplierId)?.supplierId ?? suppliers[0]?.id ?? '');
  const [place, setPlace] = useState('');
  const stockLocationId = place || (places[0]?.id ?? '');
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const lines = (suggested.value ?? []).filter(
    (line) => line.supplierId === supplierId || (line.supplierId === null && supplierId !== ''),
  );
  const quantityOf = (line: SuggestedLine) => quantities[line.itemId] ?? String(line.suggested);
  // A line set to 0 is left off the order; main's `lines.N` counts only the lines sent.
  const sent = lines.filter((line) => quantityOf(line).trim() !== '0');
  const input = (): Input<'purchasing.create'> => ({
    supplierId,
    stockLocationId,
    reference: null,
    notes: null,
    lines: sent.map((line) => ({
      itemId: line.itemId,
      quantity: typedUnits(quantityOf(line)),
      unitCostMinor: line.unitCostMinor,
    })),
  });
  /** Main names a line by its place in what was sent (`lines.1.quantity`); the table by the item. */
  const byItem = (fields: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(fields).map(([path, problem]) => {
        const index = /^lines\.(\d+)\./.exec(path)?.[1];
        const item = index === undefined ? undefined : sent[Number(index)];
        return [item ? `quantity.${item.itemId}` : path, problem];
      }),
    );
  const problems = () => byItem(draftProblems('purchasing.create', input()));
  const { errors, show, showProblems, clear } = useFormErrors(
    { supplierId, stockLocationId, quantity: quantities },
    problems,
  );
  const shown = ['supplierId', 'stockLocationId', ...lines.map((line) => `quantity.${line.itemId}`)];

  async function create() {
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    const result = await call('purchasing.create', input());
    if (!result.ok) {
      const fields = byItem(result.error.details?.fields ?? {});
      return show({ ...result.error, details: { ...result.error.details, fields } }, shown);
    }
    navigate(`#/stock/order/${result.value.id}`);
  }

  return (
    <section aria-labelledby="suggested-title" className="card report-card">
      <h2 id="suggested-title">{t('OrdersPage.suggestedOrder')}</h2>
      <div className="report-range">
        <SelectField
          label={t('OrdersPage.supplier')}
          value={supplierId}
          onChange={(event) => setSupplier(event.target.value)}
          options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
          error={errors.fields.supplierId}
        />
        <SelectField
          label={t('OrdersPage.deliverTo')}
          value={stockLocationId}
          onChange={(event) => setPlace(event.target.value)}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.locationName})` }))}
          error={errors.fields.stockLocationId}
        />
      </div>
      <table aria-label={t('OrdersPage.suggestedLines')}>
        <thead>
          <tr>
            <th scope="col">{t('OrdersPage.item')}</th>
            <th scope="col" className="num">
              {t('OrdersPage.onHand')}
            </th>
            <th scope="col" className="num">
              {t('OrdersPage.onOrder')}
            </th>
            <th scope="col" className="num">
              {t('OrdersPage.reorderLevel')}
            </th>
            <th scope="col">{t('OrdersPage.order')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={5}>{t('OrdersPage.nothingFromThisSupplierIs')}</td>
            </tr>
          )}
          {lines.map((line) => {
            const error = errors.fields[`quantity.${line.itemId}`];
            return (
              <tr key={line.itemId}>
                <td>{line.itemName}</td>
                <td className="num">{line.onHand}</td>
                <td className="num">{line.onOrder}</td>
                <td className="num">{line.reorderLevel}</td>
                <td>
                  <input
                    aria-label={t('OrdersPage.orderQuantity', { itemName: line.itemName })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `order-error-${line.itemId}` : undefined}
                    inputMode="numeric"
                    className="count-input"
                    value={quantityOf(line)}
                    onChange={(event) =>
                      setQuantities((current) => ({ ...current, [line.itemId]: event.target.value }))
                    }
                  />
                  {error && (
                    <small id={`order-error-${line.itemId}`} className="field-error">
                      {error}
                    </small>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('OrdersPage.setAQuantityTo0')}</p>
      <button type="button" disabled={lines.length === 0} onClick={() => void create()}>
        {t('OrdersPage.makeADraftOrder')}
      </button>
      <FormMessage error={errors.form} />
    </section>
  );
}
