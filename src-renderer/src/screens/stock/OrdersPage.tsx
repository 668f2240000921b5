import { useState } from 'react';
import type { SuggestedLine } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format/datetime';
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
      {canOrder && <SuggestedOrder />}
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
  const [problem, setProblem] = useState<string | null>(null);
  const lines = (suggested.value ?? []).filter(
    (line) => line.supplierId === supplierId || (line.supplierId === null && supplierId !== ''),
  );
  const quantityOf = (line: SuggestedLine) => quantities[line.itemId] ?? String(line.suggested);

  async function create() {
    setProblem(null);
    const result = await call('purchasing.create', {
      supplierId,
      stockLocationId,
      reference: null,
      notes: null,
      lines: lines
        .filter((line) => quantityOf(line).trim() !== '0')
        .map((line) => ({
          itemId: line.itemId,
          quantity: typedUnits(quantityOf(line)),
          unitCostMinor: line.unitCostMinor,
        })),
    });
    if (!result.ok) {
      const fields = result.error.details?.fields ?? {};
      const named = Object.entries(fields).map(([path, text]) => {
        const index = /^lines\.(\d+)\./.exec(path)?.[1];
        const item = index === undefined ? undefined : lines[Number(index)]?.itemName;
        return item ? `${item}: ${text}` : text;
      });
      return setProblem([result.error.message, ...named].join(' '));
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
        />
        <SelectField
          label={t('OrdersPage.deliverTo')}
          value={stockLocationId}
          onChange={(event) => setPlace(event.target.value)}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.locationName})` }))}
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
          {lines.map((line) => (
            <tr key={line.itemId}>
              <td>{line.itemName}</td>
              <td className="num">{line.onHand}</td>
              <td className="num">{line.onOrder}</td>
              <td className="num">{line.reorderLevel}</td>
              <td>
                <input
                  aria-label={t('OrdersPage.orderQuantity', { itemName: line.itemName })}
                  inputMode="numeric"
                  className="count-input"
                  value={quantityOf(line)}
                  onChange={(event) => setQuantities((current) => ({ ...current, [line.itemId]: event.target.value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('OrdersPage.setAQuantityTo0')}</p>
      <button type="button" disabled={lines.length === 0} onClick={() => void create()}>
        {t('OrdersPage.makeADraftOrder')}
      </button>
      <FormMessage error={problem} />
    </section>
  );
}
