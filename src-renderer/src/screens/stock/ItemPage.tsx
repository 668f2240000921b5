import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import type { ItemView, LotBalance, Movement } from '../../../../src-shared/stock/model';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { formatDateTime } from '../../format/datetime';
import { unitsOf } from '../../format/units';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { AdjustForm } from './AdjustForm';
import { ReceiveForm } from './ReceiveForm';
import { TransferForm } from './TransferForm';
import { useTranslation } from '../../i18n';
import { MOVEMENT_LABELS } from './movement-labels';

/**
 * `#/stock/item/<id>`: one item — what is on hand per lot and place (expired and near-expiry marked),
 * its movements, and the receive, transfer and adjust forms for those allowed to use them.
 */
export function ItemPage({ itemId }: { itemId: string }) {
  const { t } = useTranslation('stock');
  const view = useProcedure('stock.item', { itemId }, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {}, { refreshOn: { 'stock.changed': true } });
  const can = useSession((state) => state.can);
  const item = view.value?.item;

  return (
    <section className="stock-item" aria-labelledby="stock-item-title">
      <p>
        <a href="#/stock">{t('ItemPage.stockRoom')}</a>
      </p>
      <h1 id="stock-item-title">{item ? item.name : t('ItemPage.stockItem')}</h1>
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
          {!can('stock:receive') && !can('stock:adjust') && (
            // Said, not left as a page without buttons: a nurse dispenses from a visit's intake.
            <p className="muted">{t('ItemPage.changesNeedAManager')}</p>
          )}
          <MovementsTable movements={view.value.movements} lots={view.value.lots} setup={setup.value} />
        </>
      )}
    </section>
  );
}

function Figures({ view, money }: { view: ItemView; money: MoneyFormat }) {
  const { t } = useTranslation('stock');
  const { item } = view;
  return (
    <dl className="stock-figures">
      <div>
        <dt>{t('ItemPage.onHand')}</dt>
        <dd>{unitsOf(view.onHand, item.dispensingUnit)}</dd>
      </div>
      <div>
        <dt>{t('ItemPage.onOrder')}</dt>
        <dd>{view.onOrder}</dd>
      </div>
      <div>
        <dt>{t('ItemPage.reorderLevel')}</dt>
        <dd>{t('ItemPage.order', { reorderLevel: item.reorderLevel, reorderQuantity: item.reorderQuantity })}</dd>
      </div>
      <div>
        <dt>{t('ItemPage.valueFifoCost')}</dt>
        <dd>{formatMoney(view.valueMinor, money)}</dd>
      </div>
      <div>
        <dt>{t('ItemPage.code')}</dt>
        <dd>
          {item.code}
          {item.gtin ? ` · GTIN ${item.gtin}` : ''}
          {item.packSize > 1 ? t('ItemPage.packOf', { packSize: item.packSize }) : ''}
        </dd>
      </div>
    </dl>
  );
}

function LotsTable({ lots, unit }: { lots: readonly LotBalance[]; unit: string }) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  return (
    <table aria-label={t('ItemPage.lotsOnHand')}>
      <caption>{t('ItemPage.lotsOnHand')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ItemPage.lot')}</th>
          <th scope="col">{t('ItemPage.expiry')}</th>
          <th scope="col">{t('ItemPage.where')}</th>
          <th scope="col" className="num">
            {t('ItemPage.quantity', { unit })}
          </th>
          <th scope="col">{t('ItemPage.note')}</th>
        </tr>
      </thead>
      <tbody>
        {lots.length === 0 && (
          <tr>
            <td colSpan={5}>{t('ItemPage.nothingOnHand')}</td>
          </tr>
        )}
        {lots.map((lot) => (
          <tr key={`${lot.lotId}-${lot.stockLocationId}`} className={lot.expired ? 'lot-expired' : undefined}>
            <td>{lot.lotNumber}</td>
            <td>{showDate(lot.expiryOn)}</td>
            <td>{lot.stockLocationName}</td>
            <td className="num">{lot.quantity}</td>
            <td>{lot.expired ? t('ItemPage.expiredWriteItOff') : lot.nearExpiry ? t('ItemPage.expiresSoon') : ''}</td>
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
  const { t } = useTranslation('stock');
  const clock = useClinicClock();
  const placeName = (id: string) =>
    setup.locations.find((place) => place.id === id)?.name ??
    lots.find((lot) => lot.stockLocationId === id)?.stockLocationName ??
    '—';
  return (
    <table aria-label={t('ItemPage.movements')}>
      <caption>{t('ItemPage.movementsNewestFirst')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ItemPage.when')}</th>
          <th scope="col">{t('ItemPage.what')}</th>
          <th scope="col">{t('ItemPage.lot')}</th>
          <th scope="col">{t('ItemPage.where')}</th>
          <th scope="col" className="num">
            {t('ItemPage.units')}
          </th>
          <th scope="col">{t('ItemPage.why')}</th>
          <th scope="col">{t('ItemPage.who')}</th>
        </tr>
      </thead>
      <tbody>
        {movements.length === 0 && (
          <tr>
            <td colSpan={7}>{t('ItemPage.noMovementsYet')}</td>
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
