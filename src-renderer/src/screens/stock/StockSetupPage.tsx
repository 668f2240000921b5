import { useState } from 'react';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useDebounced } from '../../hooks/useDebounced';
import { useProcedure } from '../../hooks/useProcedure';
import { ItemsSection } from './ItemsSection';
import { PlacesSection } from './PlacesSection';
import { SuppliersSection } from './SuppliersSection';
import { useTranslation } from '../../i18n';

/** `#/stock/setup`: the stock room's set-up — places, items, suppliers — for whoever orders stock. */
export function StockSetupPage() {
  const { t } = useTranslation('stock');
  const setup = useProcedure('stockroom.get', {}, { refreshOn: { 'stock.changed': true } });
  // A clinic with hundreds of items finds the one to edit by name or code; the list shows the first
  // matches, as the stock home's search does.
  const [find, setFind] = useState('');
  const items = useProcedure('stock.search', useDebounced({ text: find }, 200), {
    refreshOn: { 'stock.changed': true },
  });
  return (
    <section aria-labelledby="stock-setup-title">
      <p>
        <a href="#/stock">{t('StockSetupPage.stockRoom')}</a>
      </p>
      <h1 id="stock-setup-title">{t('StockSetupPage.stockSetUp')}</h1>
      <FormMessage error={setup.error?.message ?? items.error?.message ?? null} />
      {setup.value && items.value && (
        <>
          <PlacesSection places={setup.value.locations} />
          <Field
            label={t('StockSetupPage.findItems')}
            hint={t('StockSetupPage.findItemsHint')}
            type="search"
            value={find}
            onChange={(event) => setFind(event.target.value)}
          />
          <ItemsSection items={items.value} money={setup.value.money} filtered={find.trim() !== ''} />
          <SuppliersSection suppliers={setup.value.suppliers} items={items.value} />
        </>
      )}
    </section>
  );
}
