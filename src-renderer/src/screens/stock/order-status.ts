import type { PurchaseOrderStatus } from '../../../../src-shared/stock/model';

export const ORDER_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partly_received: 'Partly received',
  received: 'Received',
  closed: 'Closed short',
  cancelled: 'Cancelled',
};
