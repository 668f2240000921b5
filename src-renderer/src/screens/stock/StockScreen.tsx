import { useState, type SyntheticEvent } from 'react';
import type { LotBalance, StockItemSummary } from '../../../../src-shared/stock/model';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
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

  const search = async (event: SyntheticEvent) => {
    event.preventDefault();
    setScanNote(null);
    setScanError(null);
    // A scan is digits (or a GS1 string with its separators): ask main what it names.
    if (/^[\](\d]/.test(text) && text.length >= 8) {
      const scanned = await call('stock.scan', { text });
      if (!scanned.ok) {
        setScanError(scanned.error.details?.fields?.text ?? scanned.error.message);
        return;
      }
      const { item, lotNumber, expiryOn } = scanned.value;
      setScanNote(
        item
          ? `Scanned ${item.name}${lotNumber ? `, lot ${lotNumber}` : ''}${expiryOn ? `, expires ${showDate(expiryOn)}` : ''}.`
          : `No item has the barcode ${scanned.value.gtin ?? ''}.`,
      );
      setQuery(item?.code ?? text);
      return;
    }
    setQuery(text.trim());
  };

  return (
    <section className="stock" aria-labelledby="stock-title">
      <h1 id="stock-title">Stock room</h1>
      <p className="stock-links">
        <a href="#/stock/counts">Stock counts</a> · <a href="#/stock/orders">Purchase orders</a>
        {canSetUp && (
          <>
            {' '}
            · <a href="#/stock/setup">Stock set-up</a>
          </>
        )}
      </p>
      <h2>Alerts</h2>
      <FormMessage error={alerts.error?.message ?? null} />
      {alerts.value && (
        <div className="stock-alerts">
          <BelowReorder rows={alerts.value.belowReorder} />
          <LotAlerts title="Expiring soon" lots={alerts.value.expiringSoon} empty="No lot expires within the window." />
          <LotAlerts
            title="Expired on the shelf"
            lots={alerts.value.expiredOnShelf}
            empty="No expired stock is on a shelf."
          />
        </div>
      )}
      <h2>Find an item</h2>
      <form aria-label="Find an item" onSubmit={(event) => void search(event)}>
        <Field
          label="Name, code or scan"
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={scanError ?? undefined}
          hint="Type part of a name or code, or scan a barcode."
          autoComplete="off"
        />
        <button type="submit">Find</button>
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
  return (
    <table aria-label="Below reorder level">
      <caption>Below reorder level</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">On hand</th>
          <th scope="col">Reorder level</th>
          <th scope="col">On order</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={4}>Everything is at or above its reorder level.</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.itemId}>
            <td>
              <a href={`#/stock/item/${encodeURIComponent(row.itemId)}`}>{row.itemName}</a>
            </td>
            <td>{row.onHand}</td>
            <td>{row.reorderLevel}</td>
            <td>{row.onOrder > 0 ? `${row.onOrder} (already on order)` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LotAlerts({ title, lots, empty }: { title: string; lots: LotBalance[]; empty: string }) {
  const showDate = useCalendarDate();
  return (
    <table aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Lot</th>
          <th scope="col">Expiry</th>
          <th scope="col">Where</th>
          <th scope="col">Quantity</th>
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
  return (
    <table aria-label="Items">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Code</th>
          <th scope="col">On hand</th>
          <th scope="col">On order</th>
          <th scope="col">Reorder level</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr>
            <td colSpan={5}>No item matches.</td>
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
