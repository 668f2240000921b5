import { useState } from 'react';
import type { MoneyFormat } from '../../../../src-shared/billing/money';
import { STOCK_SEARCH_LIMIT, type StockItemSummary } from '../../../../src-shared/stock/model';
import { ItemForm } from './ItemForm';
import { useTranslation } from '../../i18n';

/** What the stock room keeps: every item with its unit, pack, cost and reorder rule; add or edit one. */
export function ItemsSection({
  items,
  money,
  filtered,
}: {
  items: readonly StockItemSummary[];
  money: MoneyFormat;
  /** The list answers a search typed above it, not "every item". */
  filtered: boolean;
}) {
  const { t } = useTranslation('stock');
  const [editing, setEditing] = useState<StockItemSummary | null>(null);
  return (
    <section aria-labelledby="items-title" className="card report-card">
      <h2 id="items-title">{t('ItemsSection.items')}</h2>
      <table aria-label={t('ItemsSection.stockItems')}>
        <thead>
          <tr>
            <th scope="col">{t('ItemsSection.item')}</th>
            <th scope="col">{t('ItemsSection.code')}</th>
            <th scope="col">{t('ItemsSection.unit')}</th>
            <th scope="col">{t('ItemsSection.reorderAt')}</th>
            <th scope="col">{t('ItemsSection.billable')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ItemsSection.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={6}>{filtered ? t('ItemsSection.noneMatch') : t('ItemsSection.noItemsYet')}</td>
            </tr>
          )}
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                {item.name}
                {item.active ? '' : t('ItemsSection.notInUse')}
              </td>
              <td>{item.code}</td>
              <td>
                {item.dispensingUnit}
                {item.packSize > 1 ? t('ItemsSection.packOf', { packSize: item.packSize }) : ''}
              </td>
              <td>
                {t('ItemsSection.order', { reorderLevel: item.reorderLevel, reorderQuantity: item.reorderQuantity })}
              </td>
              <td>{item.billable ? t('ItemsSection.yes') : t('ItemsSection.no')}</td>
              <td>
                <button type="button" onClick={() => setEditing(item)}>
                  {t('ItemsSection.edit', { itemName: item.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length >= STOCK_SEARCH_LIMIT && (
        <p className="hint">{t('ItemsSection.firstMatches', { count: STOCK_SEARCH_LIMIT })}</p>
      )}
      <ItemForm key={editing?.id ?? 'new'} editing={editing} money={money} onDone={() => setEditing(null)} />
    </section>
  );
}
