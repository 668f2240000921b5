import { useState, type SyntheticEvent } from 'react';
import type { LotBalance, StockItemSummary } from '../../../../src-shared/stock/model';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { call } from '../../api';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useSession } from '../../stores/session';
import { CountSheet } from './CountSheet';
import { CountsPage } from './CountsPage';
import { ItemPage } from './ItemPage';
import { OrderPage } from './OrderPage';
import { OrdersPage } from './OrdersPage';
import { RecallLookup } from './RecallLookup';
import { StockSetupPage } from './StockSetupPage';
import { useTranslation, variant } from '../../i18n';

/**
 * `#/stock`: the stock home — the alerts (below reorder level, expiring within the window, expired on a
 * shelf), re-read whenever stock moves; search by name or code, or scan a barcode (a keyboard-wedge
 * scanner types a GS1 element string and Enter); the recall lookup.
 */
export function StockScreen() {
  const detail = useHashDetail();
  const itemId = /^item\/(.+)$/.exec(detail)?.[1];
  const countId = /^count\/(.+)$/.exec(detail)?.[1];
  if (itemId) return <ItemPage key={itemId} itemId={decodeURIComponent(itemId)} />;
  if (countId) return <CountSheet key={countId} countId={decodeURIComponent(countId)} />;
  const orderId = /^order\/(.+)$/.exec(detail)?.[1];
  if (orderId) return <OrderPage key={orderId} orderId={decodeURIComponent(orderId)} />;
  if (detail === 'counts') return <CountsPage />;
  if (detail === 'orders') return <OrdersPage />;
  if (detail === 'setup') return <StockSetupPage />;
  return <StockHome />;
}

function StockHome() {
  const { t } = useTranslation('stock');
  const canSetUp = useSession((state) => state.can('stock:order'));
  const alerts = useProcedure('stock.alerts', {}, { refreshOn: { 'stock.changed': true } });
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>('');
  const showDate = useCalendarDate();
  const results = useProcedure('stock.search', query === null ? null : { text: query }, {
    refreshOn: { 'stock.changed': true },
  });
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  // A scan is digits (or a GS1 string with its separators): main is asked what it names.
  const isScan = /^[\](\d]/.test(text) && text.length >= 8;
  const problems = () =>
    isScan ? draftProblems('stock.scan', { text }) : draftProblems('stock.search', { text: text.trim() });
  const { errors, showProblems, clear } = useFormErrors({ text }, problems);

  const search = async (event: SyntheticEvent) => {
    event.preventDefault();
    setScanNote(null);
    setScanError(null);
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['text']);
    if (isScan) {
      const scanned = await call('stock.scan', { text });
      if (!scanned.ok) {
        setScanError(scanned.error.details?.fields?.text ?? scanned.error.message);
        return;
      }
      const { item, lotNumber, expiryOn } = scanned.value;
      setScanNote(
        item
          ? t('StockScreen.scanned', {
              itemName: item.name,
              lotNumber: lotNumber ?? '',
              expiryOn: expiryOn ? showDate(expiryOn) : '',
              context: variant(lotNumber && 'lot', expiryOn && 'expires'),
            })
          : t('StockScreen.noItemHasTheBarcode', { gtin: scanned.value.gtin ?? '' }),
      );
      setQuery(item?.code ?? text);
      return;
    }
    setQuery(text.trim());
  };

  return (
    <section className="stock" aria-labelledby="stock-title">
      <h1 id="stock-title">{t('StockScreen.stockRoom')}</h1>
      <p className="stock-links">
        <a href="#/stock/counts">{t('StockScreen.stockCounts')}</a> ·{' '}
        <a href="#/stock/orders">{t('StockScreen.purchaseOrders')}</a>
        {canSetUp && (
          <>
            {' '}
            · <a href="#/stock/setup">{t('StockScreen.stockSetUp')}</a>
          </>
        )}
      </p>
      <h2>{t('StockScreen.alerts')}</h2>
      <FormMessage error={alerts.error?.message ?? null} />
      {alerts.value && (
        <div className="stock-alerts">
          <BelowReorder rows={alerts.value.belowReorder} />
          <LotAlerts
            title={t('StockScreen.expiringSoon')}
            lots={alerts.value.expiringSoon}
            more={alerts.value.moreExpiringSoon}
            empty={t('StockScreen.noLotExpiresWithinDays', { count: alerts.value.nearExpiryDays })}
          />
          <LotAlerts
            title={t('StockScreen.expiredOnTheShelf')}
            lots={alerts.value.expiredOnShelf}
            more={alerts.value.moreExpiredOnShelf}
            empty={t('StockScreen.noExpiredStockIsOn')}
          />
        </div>
      )}
      <h2>{t('StockScreen.findAnItem')}</h2>
      <form aria-label={t('StockScreen.findAnItem')} onSubmit={(event) => void search(event)}>
        <Field
          label={t('StockScreen.nameCodeOrScan')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={scanError ?? errors.fields.text}
          hint={t('StockScreen.typePartOfAName')}
          autoComplete="off"
        />
        <button type="submit">{t('StockScreen.find')}</button>
        <FormMessage error={errors.form} />
      </form>
      {scanNote && <p role="status">{scanNote}</p>}
      {results.value && <ItemTable items={results.value} />}
      <RecallLookup items={results.value ?? []} />
    </section>
  );
}

function BelowReorder({
  rows,
}: {
  rows: { itemId: string; itemName: string; onHand: number; reorderLevel: number; onOrder: number }[];
}) {
  const { t } = useTranslation('stock');
  return (
    <table aria-label={t('StockScreen.belowReorderLevel')}>
      <caption>{t('StockScreen.belowReorderLevel')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('StockScreen.item')}</th>
          <th scope="col">{t('StockScreen.onHand')}</th>
          <th scope="col">{t('StockScreen.reorderLevel')}</th>
          <th scope="col">{t('StockScreen.onOrder')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={4}>{t('StockScreen.everythingIsAtOrAbove')}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.itemId}>
            <td>
              <a href={`#/stock/item/${encodeURIComponent(row.itemId)}`}>{row.itemName}</a>
            </td>
            <td>{row.onHand}</td>
            <td>{row.reorderLevel}</td>
            <td>{row.onOrder > 0 ? t('StockScreen.alreadyOnOrder', { onOrder: row.onOrder }) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LotAlerts({ title, lots, more, empty }: { title: string; lots: LotBalance[]; more: boolean; empty: string }) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  return (
    <table aria-label={title}>
      <caption>
        {title}
        {more && <span> {t('StockScreen.firstLotsShown', { count: lots.length })}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('StockScreen.lot2')}</th>
          <th scope="col">{t('StockScreen.expiry')}</th>
          <th scope="col">{t('StockScreen.where')}</th>
          <th scope="col">{t('StockScreen.quantity')}</th>
        </tr>
      </thead>
      <tbody>
        {lots.length === 0 && (
          <tr>
            <td colSpan={4}>{empty}</td>
          </tr>
        )}
        {lots.map((lot) => (
          <tr key={`${lot.lotId}-${lot.stockLocationId}`}>
            <td>{lot.lotNumber}</td>
            <td>{showDate(lot.expiryOn)}</td>
            <td>{lot.stockLocationName}</td>
            <td>{lot.quantity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ItemTable({ items }: { items: StockItemSummary[] }) {
  const { t } = useTranslation('stock');
  return (
    <table aria-label={t('StockScreen.items')}>
      <thead>
        <tr>
          <th scope="col">{t('StockScreen.item')}</th>
          <th scope="col">{t('StockScreen.code')}</th>
          <th scope="col">{t('StockScreen.onHand')}</th>
          <th scope="col">{t('StockScreen.onOrder')}</th>
          <th scope="col">{t('StockScreen.reorderLevel')}</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr>
            <td colSpan={5}>{t('StockScreen.noItemMatches')}</td>
          </tr>
        )}
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <a href={`#/stock/item/${encodeURIComponent(item.id)}`}>{item.name}</a>{' '}
              <span className="sub">{item.dispensingUnit}</span>
            </td>
            <td>{item.code}</td>
            <td>{item.onHand}</td>
            <td>{item.onOrder}</td>
            <td>{item.reorderLevel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
