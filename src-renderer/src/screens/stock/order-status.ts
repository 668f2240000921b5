import type { PurchaseOrderStatus } from '../../../../src-shared/stock/model';
import { i18next } from '../../i18n';

export const ORDER_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: i18next.t('stock:order-status.draft'),
  sent: i18next.t('stock:order-status.sent'),
  partly_received: i18next.t('stock:order-status.partlyReceived'),
  received: i18next.t('stock:order-status.received'),
  closed: i18next.t('stock:order-status.closedShort'),
  cancelled: i18next.t('stock:order-status.cancelled'),
};
