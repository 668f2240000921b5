import type { PurchaseOrderStatus } from '../../../../src-shared/stock/model';
import { i18next } from '../../i18n';

export const ORDER_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  get draft() {
    return i18next.t('stock:order-status.draft');
  },
  get sent() {
    return i18next.t('stock:order-status.sent');
  },
  get partly_received() {
    return i18next.t('stock:order-status.partlyReceived');
  },
  get received() {
    return i18next.t('stock:order-status.received');
  },
  get closed() {
    return i18next.t('stock:order-status.closedShort');
  },
  get cancelled() {
    return i18next.t('stock:order-status.cancelled');
  },
};
