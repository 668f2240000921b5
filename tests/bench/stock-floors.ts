import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { STOCK_ALERT_LIMIT } from '../../src-shared/stock/model';

/**
 * Stock's floors (issue 16): the same work in hand-written SQL on the unencrypted copy, statements
 * prepared once, the dispense inside BEGIN IMMEDIATE as the router does. Open the copy with
 * billing-floors' floorHandle (WAL, synchronous = FULL, as ours).
 */

interface LotRow {
  lot_id: string;
  lot_number: string;
  expiry_on: string | null;
  quantity: number;
}

/** The kept sums per lot × place (migration 0023's `stock_balances`): the floor reads the same schema as ours. */
const BALANCES = `SELECT m.lot_id, l.item_id, l.lot_number, l.expiry_on, l.created_at AS lot_created_at, m.stock_location_id,
    s.name AS stock_location_name, m.quantity
  FROM stock_balances m JOIN stock_lots l ON l.id = m.lot_id AND l.item_id = m.item_id JOIN stock_locations s ON s.id = m.stock_location_id`;

const ON_ORDER = `SELECT pl.item_id, sum(max(0, pl.quantity - coalesce((SELECT sum(m.quantity) FROM stock_movements m
    WHERE m.purchase_order_line_id = pl.id AND m.kind = 'receive'), 0))) AS expected
  FROM purchase_order_lines pl JOIN purchase_orders o ON o.id = pl.order_id
  WHERE o.status IN ('draft', 'sent', 'partly_received') AND pl.deleted_at IS NULL GROUP BY pl.item_id`;

/** What open orders still expect of one item. */
const ON_ORDER_OF_ITEM = ON_ORDER.replace('GROUP BY pl.item_id', 'AND pl.item_id = ? GROUP BY pl.item_id');

/** A dispense against today's visit, first-expiring unexpired lot first, each lot × place checked never to go below zero. */
export class DispenseFloor {
  readonly run: (
    visitId: string,
    itemId: string,
    stockLocationId: string,
    quantity: number,
    now: number,
    today: string,
  ) => { lotId: string; quantity: number }[];

  constructor(handle: BetterSqlite3.Database, userId: string) {
    const visit = handle.prepare(
      'SELECT id, patient_id, status, local_date FROM visits WHERE id = ? AND deleted_at IS NULL',
    );
    const item = handle.prepare('SELECT * FROM stock_items WHERE id = ? AND deleted_at IS NULL');
    const place = handle.prepare('SELECT * FROM stock_locations WHERE id = ? AND deleted_at IS NULL');
    const onHand = handle.prepare(`${BALANCES} WHERE m.item_id = ? AND m.stock_location_id = ? AND m.quantity > 0
      ORDER BY l.expiry_on IS NULL, l.expiry_on, l.created_at, l.id`);
    // Only what happened from the dispense's instant on: the balance before it is the kept one less these.
    const later = handle.prepare(
      'SELECT at, quantity FROM stock_movements WHERE lot_id = ? AND stock_location_id = ? AND at >= ? ORDER BY at, id',
    );
    const insert =
      handle.prepare(`INSERT INTO stock_movements (id, kind, item_id, lot_id, stock_location_id, quantity, at, visit_id,
      user_id, user_name, created_at) VALUES (?, 'dispense', ?, ?, ?, ?, ?, ?, ?, 'Bench Runner', ?)`);
    const transaction = handle.transaction(
      (visitId: string, itemId: string, stockLocationId: string, quantity: number, now: number, today: string) => {
        const v = visit.get(visitId) as { status: string; local_date: string } | undefined;
        if (!v || v.status === 'cancelled' || v.local_date !== today) throw new Error('floor: not a visit of today');
        const i = item.get(itemId) as { active: number; billable: number } | undefined;
        if (!i || i.active !== 1) throw new Error('floor: no such item');
        if (!place.get(stockLocationId)) throw new Error('floor: no such place');
        const plan: { lotId: string; quantity: number; kept: number }[] = [];
        let left = quantity;
        for (const lot of onHand.all(itemId, stockLocationId) as LotRow[]) {
          if (left === 0) break;
          if ((lot.expiry_on !== null && lot.expiry_on < today) || lot.quantity <= 0) continue;
          const take = Math.min(left, lot.quantity);
          plan.push({ lotId: lot.lot_id, quantity: take, kept: lot.quantity });
          left -= take;
        }
        if (left > 0) throw new Error('floor: not enough stock');
        for (const step of plan) {
          const moves = later.raw().all(step.lotId, stockLocationId, now) as [number, number][];
          let balance = moves.reduce((sum, row) => sum - row[1], step.kept) - step.quantity;
          let lowest = balance;
          for (const row of moves) lowest = Math.min(lowest, (balance += row[1]));
          if (lowest < 0) throw new Error('floor: below zero');
          insert.run(uuidv7(), itemId, step.lotId, stockLocationId, -step.quantity, now, visitId, userId, now);
        }
        return plan;
      },
    );
    this.run = (visitId, itemId, stockLocationId, quantity, now, today) =>
      transaction.immediate(visitId, itemId, stockLocationId, quantity, now, today).map(({ lotId, quantity: q }) => ({
        lotId,
        quantity: q,
      }));
  }
}

/** An item's page: its lots × places with stock, on hand, on order, the last 100 movements, the FIFO value. */
export class ItemFloor {
  readonly #item: BetterSqlite3.Statement;
  readonly #balances: BetterSqlite3.Statement;
  readonly #onOrder: BetterSqlite3.Statement;
  readonly #movements: BetterSqlite3.Statement;
  readonly #receipts: BetterSqlite3.Statement;

  constructor(handle: BetterSqlite3.Database) {
    this.#item = handle.prepare('SELECT * FROM stock_items WHERE id = ? AND deleted_at IS NULL');
    this.#balances = handle.prepare(`${BALANCES} WHERE m.item_id = ?
      ORDER BY l.expiry_on IS NULL, l.expiry_on, l.created_at`);
    this.#onOrder = handle.prepare(ON_ORDER_OF_ITEM);
    this.#movements =
      handle.prepare(`SELECT m.*, l.lot_number FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id
      WHERE m.item_id = ? ORDER BY m.at DESC, m.id DESC LIMIT 100`);
    this.#receipts = handle.prepare(
      "SELECT quantity, unit_cost_minor FROM stock_movements WHERE item_id = ? AND kind = 'receive' ORDER BY at DESC, id DESC",
    );
  }

  item(itemId: string): { onHand: number; lots: number; valueMinor: number } {
    const item = this.#item.get(itemId) as { unit_cost_minor: number };
    const balances = this.#balances.all(itemId) as LotRow[];
    const onHand = balances.reduce((sum, row) => sum + row.quantity, 0);
    this.#onOrder.raw().all(itemId);
    this.#movements.all(itemId);
    let left = Math.max(0, onHand);
    let value = 0;
    for (const [quantity, cost] of this.#receipts.raw().all(itemId) as [number, number | null][]) {
      if (left === 0) break;
      const take = Math.min(left, quantity);
      value += take * (cost ?? item.unit_cost_minor);
      left -= take;
    }
    value += left * item.unit_cost_minor;
    return { onHand, lots: balances.filter((row) => row.quantity !== 0).length, valueMinor: value };
  }
}

/**
 * The stock home's alerts: items below their reorder level (with what is on order), and the first lots
 * (one more than shown, to tell whether the list goes on) expired on the shelf and expiring soon.
 */
export class AlertsFloor {
  readonly #below: BetterSqlite3.Statement;
  readonly #onOrder: BetterSqlite3.Statement;
  readonly #within: BetterSqlite3.Statement;

  constructor(handle: BetterSqlite3.Database) {
    this.#below = handle.prepare(`SELECT i.id, i.name, i.reorder_level,
        coalesce((SELECT sum(b.quantity) FROM stock_balances b WHERE b.item_id = i.id), 0) AS on_hand
      FROM stock_items i WHERE i.deleted_at IS NULL AND i.active = 1 AND i.reorder_level > 0 AND on_hand < i.reorder_level`);
    this.#onOrder = handle.prepare(ON_ORDER);
    this.#within = handle.prepare(`${BALANCES} WHERE l.expiry_on >= ? AND l.expiry_on <= ? AND m.quantity > 0
      ORDER BY l.expiry_on, l.id, m.stock_location_id LIMIT ?`);
  }

  alerts(today: string, nearExpiryBy: string): { below: number; expiring: number; expired: number } {
    const below = this.#below.raw().all().length;
    this.#onOrder.raw().all();
    const shown = STOCK_ALERT_LIMIT;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const expired = Math.min(shown, this.#within.raw().all('0000-01-01', yesterday, shown + 1).length);
    const expiring = Math.min(shown, this.#within.raw().all(today, nearExpiryBy, shown + 1).length);
    return { below, expiring, expired };
  }
}

/** Which patients got a lot: its dispenses net of returns, per visit, with the patients' names. */
export class RecallFloor {
  readonly #lot: BetterSqlite3.Statement;
  readonly #recipients: BetterSqlite3.Statement;

  constructor(handle: BetterSqlite3.Database) {
    this.#lot = handle.prepare('SELECT * FROM stock_lots WHERE id = ?');
    this.#recipients =
      handle.prepare(`SELECT v.id, v.local_date, p.id, p.first_name, p.last_name, -sum(m.quantity) AS quantity,
        min(m.at) FROM stock_movements m JOIN visits v ON v.id = m.visit_id JOIN patients p ON p.id = v.patient_id
      WHERE m.lot_id = ? AND m.kind IN ('dispense', 'dispense_return') GROUP BY v.id ORDER BY v.local_date`);
  }

  recall(lotId: string): { patients: number; units: number } {
    this.#lot.get(lotId);
    const rows = (this.#recipients.raw().all(lotId) as unknown[][]).filter((row) => Number(row[5]) > 0);
    return { patients: rows.length, units: rows.reduce((sum, row) => sum + Number(row[5]), 0) };
  }
}
