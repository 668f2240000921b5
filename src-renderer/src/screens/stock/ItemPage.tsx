import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import type { ItemView, LotBalance, Movement, MovementKind } from '../../../../src-shared/stock/model';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { formatDateTime } from '../../format/datetime';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { AdjustForm } from './AdjustForm';
import { ReceiveForm } from './ReceiveForm';
import { TransferForm } from './TransferForm';

const MOVEMENT_LABELS: Record<MovementKind, string> = {
  receive: 'Received',
  dispense: 'Dispensed',
  dispense_return: 'Returned by patient',
  transfer_out: 'Transferred out',
  transfer_in: 'Transferred in',
  adjust: 'Adjusted',
  count_variance: 'Count variance',
  expire: 'Expired',
  destroy: 'Destroyed',
  return_to_supplier: 'Returned to supplier',
};

/**
 * `#/stock/item/<id>`: one item — what is on hand per lot and place (expired and near-expiry marked),
 * its movements, and the receive, transfer and adjust forms for those allowed to use them.
 */
export function ItemPage({ itemId }: { itemId: string }) {
  const view = useProcedure('stock.item', { itemId }, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {}, { refreshOn: { 'stock.changed': true } });
  const can = useSession((state) => state.can);
  const item = view.value?.item;

  return (
    <section className="stock-item" aria-labelledby="stock-item-title">
      <p>
        <a href="#/stock">← Stock room</a>
      </p>
      <h1 id="stock-item-title">{item ? item.name : 'Stock item'}</h1>
      <FormMessage error={view.error?.message ?? setup.error?.message ?? null} />
      {view.value && setup.value && (
        <>
          <Figures view={view.value} money={setup.value.money} />
          <LotsTable lots={view.value.lots} unit={view.value.item.dispensingUnit} />
          <div className="stock-actions">
            {can('stock:receive') && <ReceiveForm item={view.value.item} setup={setup.value} />}
            {can('stock:receive') && <TransferForm lots={view.value.lots} setup={setup.value} />}
            {can('stock:adjust') && <AdjustForm lots={view.value.lots} />}
          </div>
          <MovementsTable movements={view.value.movements} lots={view.value.lots} setup={setup.value} />
        </>
      )}
    </section>
  );
}

function Figures({ view, money }: { view: ItemView; money: MoneyFormat }) {
  const { item } = view;
  return (
    <dl className="stock-figures">
      <div>
        <dt>On hand</dt>
        <dd>
          {view.onHand} {item.dispensingUnit}
        </dd>
      </div>
      <div>
        <dt>On order</dt>
        <dd>{view.onOrder}</dd>
      </div>
      <div>
        <dt>Reorder level</dt>
        <dd>
          {item.reorderLevel} (order {item.reorderQuantity})
        </dd>
      </div>
      <div>
        <dt>Value (FIFO cost)</dt>
        <dd>{formatMoney(view.valueMinor, money)}</dd>
      </div>
      <div>
        <dt>Code</dt>
        <dd>
          {item.code}
          {item.gtin ? ` · GTIN ${item.gtin}` : ''}
          {item.packSize > 1 ? ` · pack of ${item.packSize}` : ''}
        </dd>
      </div>
    </dl>
  );
}

function LotsTable({ lots, unit }: { lots: readonly LotBalance[]; unit: string }) {
  const showDate = useCalendarDate();
  return (
    <table aria-label="Lots on hand">
      <caption>Lots on hand</caption>
      <thead>
        <tr>
          <th scope="col">Lot</th>
          <th scope="col">Expiry</th>
          <th scope="col">Where</th>
          <th scope="col" className="num">
            Quantity ({unit})
          </th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {lots.length === 0 && (
          <tr>
            <td colSpan={5}>Nothing on hand.</td>
          </tr>
        )}
        {lots.map((lot) => (
          <tr key={`${lot.lotId}-${lot.stockLocationId}`} className={lot.expired ? 'lot-expired' : undefined}>
            <td>{lot.lotNumber}</td>
            <td>{showDate(lot.expiryOn)}</td>
            <td>{lot.stockLocationName}</td>
            <td className="num">{lot.quantity}</td>
            <td>{lot.expired ? 'Expired: write it off' : lot.nearExpiry ? 'Expires soon' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MovementsTable({
  movements,
  lots,
  setup,
}: {
  movements: readonly Movement[];
  lots: readonly LotBalance[];
  setup: { locations: readonly { id: string; name: string }[] };
}) {
  const clock = useClinicClock();
  const placeName = (id: string) =>
    setup.locations.find((place) => place.id === id)?.name ??
    lots.find((lot) => lot.stockLocationId === id)?.stockLocationName ??
    '—';
  return (
    <table aria-label="Movements">
      <caption>Movements, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Lot</th>
          <th scope="col">Where</th>
          <th scope="col" className="num">
            Units
          </th>
          <th scope="col">Why</th>
          <th scope="col">Who</th>
        </tr>
      </thead>
      <tbody>
        {movements.length === 0 && (
          <tr>
            <td colSpan={7}>No movements yet.</td>
          </tr>
        )}
        {movements.map((movement) => (
          <tr key={movement.id}>
            <td>{formatDateTime(movement.at, clock)}</td>
            <td>{MOVEMENT_LABELS[movement.kind]}</td>
            <td>{movement.lotNumber}</td>
            <td>{placeName(movement.stockLocationId)}</td>
            <td className="num">{movement.quantity > 0 ? `+${movement.quantity}` : movement.quantity}</td>
            <td>{movement.reason ?? ''}</td>
            <td>{movement.userName ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
