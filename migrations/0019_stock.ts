import type { Migration } from './types';

/**
 * The stock room: items, suppliers (and what they supply), stock locations inside the clinic's
 * locations, lots (item × lot number × expiry), the insert-only movement ledger, purchase orders and
 * their lines, stock counts and their lines, and the stock settings (the near-expiry window).
 *
 * Stock on hand is never stored: it is the sum of `stock_movements.quantity` per lot × stock location.
 * The database keeps the ledger honest on its own:
 * - movements refuse UPDATE and DELETE (a mistake is a correcting movement);
 * - each kind has its sign (receipts and transfers in add, dispenses and transfers out take away);
 *   an adjustment, a destruction and a return to the supplier need a reason;
 * - an approved or cancelled count never changes, so it posts its variances once.
 *
 * The permissions replace the single `stock:manage` of migration 0001 (which stays granted, unused):
 * nurses and receptionists read and dispense; managers and administrators also receive, adjust,
 * approve counts and order.
 */
const GRANTS: Record<string, string[]> = {
  admin: ['stock:read', 'stock:dispense', 'stock:receive', 'stock:adjust', 'stock:count:approve', 'stock:order'],
  manager: ['stock:read', 'stock:dispense', 'stock:receive', 'stock:adjust', 'stock:count:approve', 'stock:order'],
  nurse: ['stock:read', 'stock:dispense'],
  receptionist: ['stock:read', 'stock:dispense'],
};

export const migration0019: Migration = {
  version: 19,
  name: 'stock',
  up(db, now) {
    db.exec(`
      CREATE TABLE stock_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        -- A lot expiring within this many days is flagged when it is picked and on the alert list.
        near_expiry_days INTEGER NOT NULL DEFAULT 30 CHECK (near_expiry_days BETWEEN 0 AND 365),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE stock_items (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        -- GTIN-8/12/13/14 stored as 14 digits (left-padded with zeros), what a GS1 barcode's (01) carries.
        gtin TEXT CHECK (gtin IS NULL OR (length(gtin) = 14 AND gtin NOT GLOB '*[^0-9]*')),
        category TEXT,
        -- What one unit of stock is (dose, vial, dressing); quantities are whole units of it.
        dispensing_unit TEXT NOT NULL,
        -- Units in one pack as delivered (a box of 10 is received as 10 units).
        pack_size INTEGER NOT NULL DEFAULT 1 CHECK (pack_size BETWEEN 1 AND 100000),
        unit_cost_minor INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost_minor >= 0),
        billable INTEGER NOT NULL DEFAULT 0 CHECK (billable IN (0, 1)),
        selling_price_minor INTEGER CHECK (selling_price_minor IS NULL OR selling_price_minor >= 0),
        tax_id TEXT REFERENCES taxes(id),
        reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
        reorder_quantity INTEGER NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
        maximum_level INTEGER CHECK (maximum_level IS NULL OR maximum_level >= reorder_level),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (billable = 0 OR selling_price_minor IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX stock_items_code ON stock_items (code COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX stock_items_gtin ON stock_items (gtin) WHERE gtin IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX stock_items_name ON stock_items (name COLLATE NOCASE);

      CREATE TABLE stock_suppliers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        contact TEXT,
        phone TEXT,
        email TEXT,
        lead_time_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_time_days BETWEEN 0 AND 365),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX stock_suppliers_name ON stock_suppliers (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      -- What a supplier supplies (and its code for the item).
      CREATE TABLE stock_supplier_items (
        supplier_id TEXT NOT NULL REFERENCES stock_suppliers(id),
        item_id TEXT NOT NULL REFERENCES stock_items(id),
        supplier_code TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (supplier_id, item_id)
      ) STRICT;
      CREATE INDEX stock_supplier_items_item ON stock_supplier_items (item_id);

      -- A place stock is kept inside one of the clinic's locations: the stock room, a nurse station, a fridge.
      CREATE TABLE stock_locations (
        id TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('store', 'nurse_station', 'fridge', 'other')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX stock_locations_name ON stock_locations (location_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE stock_lots (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES stock_items(id),
        lot_number TEXT NOT NULL,
        -- The last day the lot may be used (a GS1 expiry with day 00 is the month's last day); NULL: never expires.
        expiry_on TEXT CHECK (expiry_on IS NULL OR expiry_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX stock_lots_number ON stock_lots (item_id, lot_number);
      CREATE INDEX stock_lots_expiry ON stock_lots (expiry_on) WHERE expiry_on IS NOT NULL;

      CREATE TABLE purchase_orders (
        id TEXT PRIMARY KEY,
        supplier_id TEXT NOT NULL REFERENCES stock_suppliers(id),
        -- Where the delivery goes.
        stock_location_id TEXT NOT NULL REFERENCES stock_locations(id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partly_received', 'received', 'closed', 'cancelled')),
        reference TEXT,
        notes TEXT,
        sent_at INTEGER,
        finished_at INTEGER,
        created_by TEXT REFERENCES users(id),
        created_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX purchase_orders_status ON purchase_orders (status, created_at);
      CREATE TRIGGER purchase_orders_finished BEFORE UPDATE ON purchase_orders
        WHEN OLD.status IN ('received', 'closed', 'cancelled')
      BEGIN SELECT RAISE(ABORT, 'a finished purchase order never changes'); END;
      CREATE TRIGGER purchase_orders_no_delete BEFORE DELETE ON purchase_orders
      BEGIN SELECT RAISE(ABORT, 'purchase orders are never deleted'); END;

      CREATE TABLE purchase_order_lines (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES purchase_orders(id),
        position INTEGER NOT NULL,
        item_id TEXT NOT NULL REFERENCES stock_items(id),
        -- In dispensing units; what has arrived is the sum of the line's receipt movements.
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        unit_cost_minor INTEGER NOT NULL CHECK (unit_cost_minor >= 0),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX purchase_order_lines_order ON purchase_order_lines (order_id, position);
      CREATE INDEX purchase_order_lines_item ON purchase_order_lines (item_id);

      CREATE TABLE stock_counts (
        id TEXT PRIMARY KEY,
        stock_location_id TEXT NOT NULL REFERENCES stock_locations(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'cancelled')),
        -- The counter does not see the book quantities.
        blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
        -- The snapshot: every movement recorded at or before this instant; later ones moved during the count.
        snapshot_at INTEGER NOT NULL,
        started_by TEXT REFERENCES users(id),
        started_by_name TEXT,
        approved_at INTEGER,
        approved_by TEXT REFERENCES users(id),
        approved_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX stock_counts_open ON stock_counts (stock_location_id) WHERE status = 'open';
      CREATE TRIGGER stock_counts_finished BEFORE UPDATE ON stock_counts WHEN OLD.status <> 'open'
      BEGIN SELECT RAISE(ABORT, 'an approved or cancelled count never changes'); END;
      CREATE TRIGGER stock_counts_no_delete BEFORE DELETE ON stock_counts
      BEGIN SELECT RAISE(ABORT, 'stock counts are never deleted'); END;

      CREATE TABLE stock_count_lines (
        id TEXT PRIMARY KEY,
        count_id TEXT NOT NULL REFERENCES stock_counts(id),
        item_id TEXT NOT NULL REFERENCES stock_items(id),
        lot_id TEXT NOT NULL REFERENCES stock_lots(id),
        snapshot_quantity INTEGER NOT NULL,
        counted_quantity INTEGER CHECK (counted_quantity IS NULL OR counted_quantity >= 0),
        counted_at INTEGER,
        counted_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX stock_count_lines_lot ON stock_count_lines (count_id, lot_id);

      CREATE TABLE stock_movements (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('receive', 'dispense', 'dispense_return', 'transfer_out', 'transfer_in',
          'adjust', 'count_variance', 'expire', 'destroy', 'return_to_supplier')),
        item_id TEXT NOT NULL REFERENCES stock_items(id),
        lot_id TEXT NOT NULL REFERENCES stock_lots(id),
        stock_location_id TEXT NOT NULL REFERENCES stock_locations(id),
        -- Signed whole dispensing units.
        quantity INTEGER NOT NULL CHECK (quantity <> 0),
        -- When it happened (may be in the past); created_at is when it was recorded.
        at INTEGER NOT NULL,
        reason TEXT,
        -- What one unit cost (receipts): the FIFO valuation reads it.
        unit_cost_minor INTEGER CHECK (unit_cost_minor IS NULL OR unit_cost_minor >= 0),
        -- A dispense's patient is its visit's (no patient column: a patient merge moves the visit, and
        -- the ledger, which refuses UPDATE, never needs to follow).
        visit_id TEXT REFERENCES visits(id),
        purchase_order_id TEXT REFERENCES purchase_orders(id),
        purchase_order_line_id TEXT REFERENCES purchase_order_lines(id),
        count_id TEXT REFERENCES stock_counts(id),
        supplier_id TEXT REFERENCES stock_suppliers(id),
        -- Both halves of one transfer share it.
        transfer_id TEXT,
        -- A dispense return names the dispense it takes back.
        returns_movement_id TEXT REFERENCES stock_movements(id),
        invoice_line_id TEXT REFERENCES invoice_lines(id),
        user_id TEXT REFERENCES users(id),
        user_name TEXT,
        created_at INTEGER NOT NULL,
        CHECK (CASE kind
          WHEN 'receive' THEN quantity > 0
          WHEN 'transfer_in' THEN quantity > 0
          WHEN 'dispense_return' THEN quantity > 0 AND returns_movement_id IS NOT NULL
          WHEN 'dispense' THEN quantity < 0 AND visit_id IS NOT NULL
          WHEN 'transfer_out' THEN quantity < 0
          WHEN 'expire' THEN quantity < 0
          WHEN 'destroy' THEN quantity < 0
          WHEN 'return_to_supplier' THEN quantity < 0
          ELSE 1 END),
        CHECK (kind NOT IN ('transfer_in', 'transfer_out') OR transfer_id IS NOT NULL),
        CHECK (kind <> 'count_variance' OR count_id IS NOT NULL),
        CHECK (kind NOT IN ('adjust', 'destroy', 'return_to_supplier') OR length(trim(coalesce(reason, ''))) > 0)
      ) STRICT;
      CREATE INDEX stock_movements_lot ON stock_movements (lot_id, stock_location_id, at);
      CREATE INDEX stock_movements_place ON stock_movements (stock_location_id, lot_id);
      CREATE INDEX stock_movements_item ON stock_movements (item_id, at);
      CREATE INDEX stock_movements_visit ON stock_movements (visit_id) WHERE visit_id IS NOT NULL;
      CREATE INDEX stock_movements_po_line ON stock_movements (purchase_order_line_id) WHERE purchase_order_line_id IS NOT NULL;
      CREATE INDEX stock_movements_count ON stock_movements (count_id) WHERE count_id IS NOT NULL;
      CREATE UNIQUE INDEX stock_movements_returned ON stock_movements (returns_movement_id) WHERE returns_movement_id IS NOT NULL;
      CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock movements are insert-only: record a correcting movement'); END;
      CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock movements are insert-only: record a correcting movement'); END;
    `);
    db.prepare('INSERT INTO stock_settings (id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
    const grant = db.prepare(
      'INSERT OR IGNORE INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const [role, permissions] of Object.entries(GRANTS)) {
      for (const permission of permissions) grant.run(role, permission, now, now);
    }
  },
};
