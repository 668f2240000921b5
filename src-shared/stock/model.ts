/** The stock room's shapes, shared by main and the renderer. Quantities are whole dispensing units; money is minor units. */

export const MOVEMENT_KINDS = [
  'receive',
  'dispense',
  'dispense_return',
  'transfer_out',
  'transfer_in',
  'adjust',
  'count_variance',
  'expire',
  'destroy',
  'return_to_supplier',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const STOCK_LOCATION_KINDS = ['store', 'nurse_station', 'fridge', 'other'] as const;
export type StockLocationKind = (typeof STOCK_LOCATION_KINDS)[number];

export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partly_received', 'received', 'closed', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export type StockCountStatus = 'open' | 'approved' | 'cancelled';

export interface StockItem {
  id: string;
  name: string;
  code: string;
  gtin: string | null;
  category: string | null;
  dispensingUnit: string;
  packSize: number;
  unitCostMinor: number;
  billable: boolean;
  sellingPriceMinor: number | null;
  taxId: string | null;
  reorderLevel: number;
  reorderQuantity: number;
  maximumLevel: number | null;
  active: boolean;
  updatedAt: number;
}

/** How many items a search answers at most: a list longer than this is narrowed by typing. */
export const STOCK_SEARCH_LIMIT = 50;

/**
 * How many lots each expiry list of the stock home shows, first-expiring first: the lists are a
 * prompt to act, and a clinic with thousands of expired lots on its shelves sees the oldest and the
 * count, and finds them all in the stock report.
 */
export const STOCK_ALERT_LIMIT = 50;

export interface StockItemSummary extends StockItem {
  onHand: number;
  onOrder: number;
}

export interface Supplier {
  id: string;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  leadTimeDays: number;
  active: boolean;
  itemIds: string[];
}

export interface StockLocation {
  id: string;
  locationId: string;
  locationName: string;
  name: string;
  kind: StockLocationKind;
  active: boolean;
}

/** One lot's quantity at one stock location. */
export interface LotBalance {
  lotId: string;
  itemId: string;
  lotNumber: string;
  expiryOn: string | null;
  stockLocationId: string;
  stockLocationName: string;
  quantity: number;
  expired: boolean;
  /** Expires within the near-expiry window (and is not expired yet). */
  nearExpiry: boolean;
}

export interface Movement {
  id: string;
  kind: MovementKind;
  itemId: string;
  lotId: string;
  lotNumber: string;
  stockLocationId: string;
  quantity: number;
  at: number;
  reason: string | null;
  visitId: string | null;
  purchaseOrderId: string | null;
  countId: string | null;
  transferId: string | null;
  userName: string | null;
  createdAt: number;
}

export interface ItemView {
  item: StockItem;
  onHand: number;
  onOrder: number;
  /** FIFO valuation: what is on hand is taken to be what arrived last, at the cost it arrived at. */
  valueMinor: number;
  lots: LotBalance[];
  movements: Movement[];
}

/** One lot's share of a dispense. */
export interface DispensePick {
  movementId: string;
  lotId: string;
  lotNumber: string;
  expiryOn: string | null;
  quantity: number;
  nearExpiry: boolean;
}

export interface DispenseResult {
  picks: DispensePick[];
  /** The invoice line added for a billable item; null when none was (not billable, or the invoice is issued). */
  invoiceId: string | null;
  invoiceNote: string | null;
}

export interface PurchaseOrderLine {
  id: string;
  itemId: string;
  itemName: string;
  quantity: number;
  received: number;
  unitCostMinor: number;
}

export interface PurchaseOrder {
  id: string;
  supplierId: string;
  supplierName: string;
  stockLocationId: string;
  status: PurchaseOrderStatus;
  reference: string | null;
  notes: string | null;
  createdAt: number;
  updatedAt: number;
  lines: PurchaseOrderLine[];
}

export interface SuggestedLine {
  itemId: string;
  itemName: string;
  onHand: number;
  onOrder: number;
  reorderLevel: number;
  suggested: number;
  unitCostMinor: number;
  supplierId: string | null;
}

export interface StockCountLine {
  id: string;
  itemId: string;
  itemName: string;
  lotId: string;
  lotNumber: string;
  expiryOn: string | null;
  /** Null on a blind count until it is approved. */
  snapshotQuantity: number | null;
  countedQuantity: number | null;
  /** counted − snapshot: what the count will post (stock moved since the snapshot is left as it moved). */
  variance: number | null;
}

export interface StockCount {
  id: string;
  stockLocationId: string;
  status: StockCountStatus;
  blind: boolean;
  snapshotAt: number;
  approvedAt: number | null;
  lines: StockCountLine[];
}

/** A count in the list: where, when its snapshot was taken, how many of its lines are counted. */
export interface StockCountSummary {
  id: string;
  stockLocationId: string;
  stockLocationName: string;
  status: StockCountStatus;
  blind: boolean;
  snapshotAt: number;
  approvedAt: number | null;
  startedBy: string | null;
  lines: number;
  counted: number;
}

export interface RecallEntry {
  patientId: string;
  patientName: string;
  visitId: string;
  visitDate: string;
  quantity: number;
  dispensedAt: number;
}

export interface StockAlerts {
  belowReorder: { itemId: string; itemName: string; onHand: number; reorderLevel: number; onOrder: number }[];
  /** The first `STOCK_ALERT_LIMIT` lots × places of each list; `more…` says the list goes on. */
  expiringSoon: LotBalance[];
  expiredOnShelf: LotBalance[];
  moreExpiringSoon: boolean;
  moreExpiredOnShelf: boolean;
  /** The window "expiring soon" looks ahead, in days (the stock room's setting). */
  nearExpiryDays: number;
}
