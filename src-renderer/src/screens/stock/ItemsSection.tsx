import { useState } from 'react';
import type { MoneyFormat } from '../../../../src-shared/billing/money';
import type { StockItemSummary } from '../../../../src-shared/stock/model';
import { ItemForm } from './ItemForm';

/** What the stock room keeps: every item with its unit, pack, cost and reorder rule; add or edit one. */
export function ItemsSection({ items, money }: { items: readonly StockItemSummary[]; money: MoneyFormat }) {
  const [editing, setEditing] = useState<StockItemSummary | null>(null);
  return (
    <section aria-labelledby="items-title" className="card report-card">
      <h2 id="items-title">Items</h2>
      <table aria-label="Stock items">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Code</th>
            <th scope="col">Unit</th>
            <th scope="col">Reorder at</th>
            <th scope="col">Billable</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={6}>No items yet.</td>
            </tr>
          )}
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                {item.name}
                {item.active ? '' : ' (not in use)'}
              </td>
              <td>{item.code}</td>
              <td>
                {item.dispensingUnit}
                {item.packSize > 1 ? ` (pack of ${item.packSize})` : ''}
              </td>
              <td>
                {item.reorderLevel} (order {item.reorderQuantity})
              </td>
              <td>{item.billable ? 'Yes' : 'No'}</td>
              <td>
                <button type="button" onClick={() => setEditing(item)}>
                  Edit {item.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ItemForm key={editing?.id ?? 'new'} editing={editing} money={money} onDone={() => setEditing(null)} />
    </section>
  );
}
