import type { Generated, Selectable } from 'kysely';
import type {
  MovementKind,
  PurchaseOrderStatus,
  StockCountStatus,
  StockLocationKind,
} from '../../../src-shared/stock/model';

/** Stock tables (migration 0019). Quantities are whole dispensing units; costs integer minor units. */

export interface StockSettingsTable {
  id: number;
  near_expiry_days: number;
  created_at: number;
  updated_at: number;
}

export interface StockItemsTable {
  id: string;
  name: string;
  code: string;
  gtin: string | null;
  category: string | null;
  dispensing_unit: string;
  pack_size: number;
  unit_cost_minor: number;
  billable: number;
  selling_price_minor: number | null;
  tax_id: string | null;
  reorder_level: number;
  reorder_quantity: number;
  maximum_level: number | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface StockSuppliersTable {
  id: string;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  lead_time_days: number;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface StockSupplierItemsTable {
  supplier_id: string;
  item_id: string;
  supplier_code: string | null;
  created_at: number;
  updated_at: number;
}

export interface StockLocationsTable {
  id: string;
  location_id: string;
  name: string;
  kind: StockLocationKind;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface StockLotsTable {
  id: string;
  item_id: string;
  lot_number: string;
  expiry_on: string | null;
  created_at: number;
  updated_at: number;
}

export interface PurchaseOrdersTable {
  id: string;
  supplier_id: string;
  stock_location_id: string;
  status: PurchaseOrderStatus;
  reference: string | null;
  notes: string | null;
  sent_at: number | null;
  finished_at: number | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface PurchaseOrderLinesTable {
  id: string;
  order_id: string;
  position: number;
  item_id: string;
  quantity: number;
  unit_cost_minor: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface StockCountsTable {
  id: string;
  stock_location_id: string;
  status: StockCountStatus;
  blind: number;
  snapshot_at: number;
  started_by: string | null;
  started_by_name: string | null;
  approved_at: number | null;
  approved_by: string | null;
  approved_by_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface StockCountLinesTable {
  id: string;
  count_id: string;
  item_id: string;
  lot_id: string;
  snapshot_quantity: number;
  counted_quantity: number | null;
  counted_at: number | null;
  counted_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface StockMovementsTable {
  id: string;
  kind: MovementKind;
  item_id: string;
  lot_id: string;
  stock_location_id: string;
  quantity: number;
  at: number;
  reason: string | null;
  unit_cost_minor: number | null;
  visit_id: string | null;
  purchase_order_id: string | null;
  purchase_order_line_id: string | null;
  count_id: string | null;
  supplier_id: string | null;
  transfer_id: string | null;
  returns_movement_id: string | null;
  invoice_line_id: string | null;
  user_id: string | null;
  user_name: string | null;
  created_at: number;
}

/** A lot × stock location's quantity on hand, kept by a trigger on the ledger's insert (migration 0023). */
/** Movements and their net quantity per kind and quarter hour (`at` / 900,000; migration 0043). */
export interface StockMovementQuartersTable {
  quarter: number;
  kind: MovementKind;
  movements: number;
  quantity: number;
}

/** Movements and their net quantity per kind and UTC day (migration 0047). */
export interface StockMovementDaysTable {
  day: number;
  kind: MovementKind;
  movements: number;
  quantity: number;
}

/**
 * Each item's stock on hand, all places (migration 0043), a row for every item; beside it, copied from
 * the item by triggers (migration 0047), what the stock report reads of it.
 */
export interface StockItemOnHandTable {
  item_id: string;
  quantity: number;
  /** 1 when the item is active and not deleted. */
  listed: number;
  reorder_level: number;
  unit_cost_minor: number;
}

export interface StockBalancesTable {
  lot_id: string;
  stock_location_id: string;
  item_id: string;
  quantity: number;
}

/** Merged into `Database` in schema.ts. */
export interface StockTables {
  stock_settings: StockSettingsTable;
  stock_items: StockItemsTable;
  stock_suppliers: StockSuppliersTable;
  stock_supplier_items: StockSupplierItemsTable;
  stock_locations: StockLocationsTable;
  stock_lots: StockLotsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  stock_counts: StockCountsTable;
  stock_count_lines: StockCountLinesTable;
  stock_movements: StockMovementsTable;
  stock_balances: StockBalancesTable;
  stock_movement_quarters: StockMovementQuartersTable;
  stock_item_on_hand: StockItemOnHandTable;
  stock_movement_days: StockMovementDaysTable;
}

export type StockItemRow = Selectable<StockItemsTable>;
export type StockSupplierRow = Selectable<StockSuppliersTable>;
export type StockLocationRow = Selectable<StockLocationsTable>;
export type StockLotRow = Selectable<StockLotsTable>;
export type StockMovementRow = Selectable<StockMovementsTable>;
export type PurchaseOrderRow = Selectable<PurchaseOrdersTable>;
export type PurchaseOrderLineRow = Selectable<PurchaseOrderLinesTable>;
export type StockCountRow = Selectable<StockCountsTable>;
export type StockCountLineRow = Selectable<StockCountLinesTable>;
