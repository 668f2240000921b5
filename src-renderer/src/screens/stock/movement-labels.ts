import type { MovementKind } from '../../../../src-shared/stock/model';
import { i18next } from '../../i18n';

/** The stock room's own words for each kind of movement (an item's history, the stock report). */
export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  get receive() {
    return i18next.t('stock:ItemPage.received');
  },
  get dispense() {
    return i18next.t('stock:ItemPage.dispensed');
  },
  get dispense_return() {
    return i18next.t('stock:ItemPage.returnedByPatient');
  },
  get transfer_out() {
    return i18next.t('stock:ItemPage.transferredOut');
  },
  get transfer_in() {
    return i18next.t('stock:ItemPage.transferredIn');
  },
  get adjust() {
    return i18next.t('stock:ItemPage.adjusted');
  },
  get count_variance() {
    return i18next.t('stock:ItemPage.countVariance');
  },
  get expire() {
    return i18next.t('stock:ItemPage.expired');
  },
  get destroy() {
    return i18next.t('stock:ItemPage.destroyed');
  },
  get return_to_supplier() {
    return i18next.t('stock:ItemPage.returnedToSupplier');
  },
};
