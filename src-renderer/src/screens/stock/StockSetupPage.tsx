import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { ItemsSection } from './ItemsSection';
import { PlacesSection } from './PlacesSection';
import { SuppliersSection } from './SuppliersSection';
import { useTranslation } from '../../i18n';

/** `#/stock/setup`: the stock room's set-up — places, items, suppliers — for whoever orders stock. */
export function StockSetupPage() {
  const { t } = useTranslation('stock');
  const setup = useProcedure('stockroom.get', {}, { refreshOn: { 'stock.changed': true } });
  const items = useProcedure('stock.search', { text: '' }, { refreshOn: { 'stock.changed': true } });
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
          <ItemsSection items={items.value} money={setup.value.money} />
          <SuppliersSection suppliers={setup.value.suppliers} items={items.value} />
        </>
      )}
    </section>
  );
}
