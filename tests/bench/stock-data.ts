import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { makeRandom } from '../../src-main/core/patients/seed';
import { addDays, localDateOf } from '../../src-shared/scheduling/time';
import { BENCH_TODAY, BENCH_ZONE, benchNow } from './scheduling-data';

/**
 * The stock half of the bench data (issue 16), seeded once with the rest and cached: per 100k
 * patients 5k items, 20k lots and 1M movements (scaled with the dataset). Three stock locations in the
 * clinic's location (stock room, nurse station, fridge); lots expire from 240 days ago to two years
 * ahead (some never); every lot's history is replayed in time order as it is written — receipts into
 * the stock room, transfers to the item's ward, dispenses against past visits (checked-out visits made
 * for completed appointments), adjustments, and once expired, write-offs — so no lot × place is ever
 * below zero and nothing is dispensed after its expiry. Reorder levels are set after the fact: about
 * one item in six is below its level, a third of those already on a sent purchase order.
 */

export interface StockSize {
  items: number;
  lots: number;
  movements: number;
}

/** 5k items, 20k lots and 1M movements per 100k patients (the full size); at least a handful. */
export function stockSize(patients: number): StockSize {
  const scale = patients / 100_000;
  return {
    items: Math.max(10, Math.round(5_000 * scale)),
    lots: Math.max(40, Math.round(20_000 * scale)),
    movements: Math.max(2_000, Math.round(1_000_000 * scale)),
  };
}

export interface StockSeed extends StockSize {
  dispenses: number;
  visits: number;
  storeId: string;
  stockLocationIds: string[];
  belowReorder: number;
  /** The most dispensed lots, most first: the recall benchmark's inputs. */
  recallLotIds: string[];
}

const DAY = 86_400_000;
const CATEGORIES = ['Vaccines', 'Dressings', 'Injectables', 'Samples', 'Consumables'];
const REASONS_DOWN = ['damaged', 'spilt', 'miscount corrected'];

interface Visit {
  id: string;
  at: number;
}

interface Move {
  kind: string;
  lotId: string;
  place: string;
  quantity: number;
  at: number;
  reason: string | null;
  cost: number | null;
  visitId: string | null;
  transferId: string | null;
}

/** The first visit arriving after `after`, by binary search over visits sorted by arrival. */
function visitAfter(visits: Visit[], after: number): Visit | undefined {
  let low = 0;
  let high = visits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((visits[mid]?.at ?? 0) <= after) low = mid + 1;
    else high = mid;
  }
  return visits[low];
}

export function seedStock(
  handle: BetterSqlite3.Database,
  seed: number,
  size: StockSize,
  userId: string,
  username: string,
): StockSeed {
  const random = makeRandom(seed ^ 0x570c);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const now = benchNow();
  const locationId = handle.prepare('SELECT id FROM locations ORDER BY created_at, id LIMIT 1').pluck().get() as string;
  const store = uuidv7();
  const nurse = uuidv7();
  const fridge = uuidv7();
  const supplier = uuidv7();
  handle.transaction(() => {
    const place = handle.prepare(
      'INSERT INTO stock_locations (id, location_id, name, kind, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
    );
    place.run(store, locationId, 'Stock room', 'store', now, now);
    place.run(nurse, locationId, 'Nurse station', 'nurse_station', now, now);
    place.run(fridge, locationId, 'Vaccine fridge', 'fridge', now, now);
    handle
      .prepare(
        "INSERT INTO stock_suppliers (id, name, lead_time_days, active, created_at, updated_at) VALUES (?, 'Bench Medical Supplies', 3, 1, ?, ?)",
      )
      .run(supplier, now, now);
  })();

  // Past visits for the dispenses: checked-out visits of completed appointments, spread over the history.
  const completed = handle
    .prepare(
      "SELECT id, patient_id, provider_id, start_at, end_at FROM appointments WHERE status = 'completed' AND deleted_at IS NULL ORDER BY start_at, id",
    )
    .all() as { id: string; patient_id: string; provider_id: string; start_at: number; end_at: number }[];
  const wanted = Math.min(completed.length, Math.ceil(size.movements / 5));
  const step = completed.length / Math.max(1, wanted);
  const visits: Visit[] = [];
  const insertVisit = handle.prepare(`
    INSERT INTO visits (id, patient_id, appointment_id, appointment_status_before, provider_id, room_id, status, local_date,
      ticket_number, arrived_at, roomed_at, seen_at, ready_at, checked_out_at, status_since, called_at, called_room_id,
      last_event_id, undo_event_id, last_move_by, last_move_by_name, last_move_at, self_pay, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, 'confirmed', ?, NULL, 'checked_out', ?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, NULL, ?, NULL, ?, ?, ?, 0, ?, ?, NULL)`);
  // Each visit's events as the desk writes them (its arrival, then its check-out, which is the visit's
  // last event): seeded without them, the visit_events table was empty when the seed was analysed, and
  // the planner, told it was empty, scanned it for every row of the flow board (6 ms of 10 at 400 visits).
  const insertEvent = handle.prepare(`
    INSERT INTO visit_events (id, visit_id, at, user_id, username, action, from_status, to_status, before, undoes_event_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  handle.transaction(() => {
    const tickets = new Map<string, number>();
    for (let i = 0; i < wanted; i += 1) {
      const row = completed[Math.floor(i * step)];
      if (!row) continue;
      const date = localDateOf(BENCH_ZONE, row.start_at);
      const ticket = (tickets.get(date) ?? 0) + 1;
      tickets.set(date, ticket);
      const id = uuidv7();
      const arrived = row.start_at - 5 * 60_000;
      const checkOutEvent = uuidv7();
      insertVisit.run(
        id,
        row.patient_id,
        row.id,
        row.provider_id,
        date,
        ticket,
        arrived,
        row.end_at,
        row.end_at,
        checkOutEvent,
        userId,
        username,
        row.end_at,
        arrived,
        row.end_at,
      );
      insertEvent.run(uuidv7(), id, arrived, userId, username, 'arrive', null, 'arrived', '{}', arrived, arrived);
      const arrivedState = {
        status: 'arrived',
        room_id: null,
        provider_id: row.provider_id,
        roomed_at: null,
        seen_at: null,
        ready_at: null,
        checked_out_at: null,
        status_since: arrived,
      };
      const before = JSON.stringify(arrivedState);
      insertEvent.run(
        checkOutEvent,
        id,
        row.end_at,
        userId,
        username,
        'check_out',
        'arrived',
        'checked_out',
        before,
        row.end_at,
        row.end_at,
      );
      visits.push({ id, at: arrived });
    }
  })();
  const firstVisit = visits[0]?.at ?? now - 365 * DAY;

  const insertItem = handle.prepare(`
    INSERT INTO stock_items (id, name, code, gtin, category, dispensing_unit, pack_size, unit_cost_minor, billable, selling_price_minor,
      tax_id, reorder_level, reorder_quantity, maximum_level, active, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, 1, ?, ?, NULL)`);
  const insertLot = handle.prepare(
    'INSERT INTO stock_lots (id, item_id, lot_number, expiry_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertMove = handle.prepare(`
    INSERT INTO stock_movements (id, kind, item_id, lot_id, stock_location_id, quantity, at, reason, unit_cost_minor, visit_id,
      purchase_order_id, purchase_order_line_id, count_id, supplier_id, transfer_id, returns_movement_id, invoice_line_id,
      user_id, user_name, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, NULL, ?, ?, ?)`);
  const insertOrder = handle.prepare(`
    INSERT INTO purchase_orders (id, supplier_id, stock_location_id, status, reference, notes, sent_at, finished_at, created_by,
      created_by_name, created_at, updated_at) VALUES (?, ?, ?, 'sent', ?, NULL, ?, NULL, ?, ?, ?, ?)`);
  const insertOrderLine = handle.prepare(`
    INSERT INTO purchase_order_lines (id, order_id, position, item_id, quantity, unit_cost_minor, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`);

  // Movements per lot: an even share, shifted between neighbours so lots differ but the total is exact.
  const budget = Array.from(
    { length: size.lots },
    (_, i) => Math.floor(size.movements / size.lots) + (i < size.movements % size.lots ? 1 : 0),
  );
  for (let i = 0; i + 1 < budget.length; i += 2) {
    const shift = between(-Math.floor(((budget[i] ?? 0) - 2) / 2), Math.floor(((budget[i + 1] ?? 0) - 2) / 2));
    budget[i] = (budget[i] ?? 0) + shift;
    budget[i + 1] = (budget[i + 1] ?? 0) - shift;
  }

  /** One lot's history, replayed in time order: every slot yields one movement (a transfer, two). */
  const lotHistory = (lotId: string, ward: string, expiry: string | null, count: number, cost: number): Move[] => {
    const expiryAt = expiry === null ? null : Date.parse(`${expiry}T00:00:00Z`);
    const shelfLife = between(300, 800) * DAY;
    const start = Math.min(now - 2 * DAY, Math.max(firstVisit, (expiryAt ?? now) - shelfLife));
    // Dispensed only while usable; an expired lot's last slots fall after its expiry (write-offs).
    const usableEnd = Math.min(now - 3_600_000, expiryAt === null ? now : expiryAt + DAY - 1);
    const end = expiryAt !== null && expiryAt < now ? Math.min(now - 3_600_000, expiryAt + 30 * DAY) : usableEnd;
    const times = Array.from({ length: count - 1 }, () => start + 1 + Math.floor(random() * Math.max(1, end - start)));
    times.sort((a, b) => a - b);
    const moves: Move[] = [];
    const balance = new Map<string, number>([
      [store, 0],
      [ward, 0],
    ]);
    const move = (kind: string, place: string, quantity: number, at: number, extra: Partial<Move> = {}) => {
      balance.set(place, (balance.get(place) ?? 0) + quantity);
      moves.push({
        kind,
        lotId,
        place,
        quantity,
        at,
        reason: null,
        cost: null,
        visitId: null,
        transferId: null,
        ...extra,
      });
    };
    const receive = (at: number) => move('receive', store, between(20, 120), at, { cost });
    receive(start);
    let last = start;
    for (let slot = 0; slot < times.length; slot += 1) {
      const at = Math.max(last + 1, times[slot] ?? last + 1);
      last = at;
      const inStore = balance.get(store) ?? 0;
      const inWard = balance.get(ward) ?? 0;
      if (at > usableEnd) {
        const place = inStore > 0 ? store : ward;
        const held = balance.get(place) ?? 0;
        if (held === 0) move('adjust', store, 1, at, { reason: 'found on count' });
        else if (random() < 0.3) move('expire', place, -held, at);
        else move('adjust', place, -1, at, { reason: 'damaged' });
        continue;
      }
      const r = random();
      if (r < 0.62 && inStore + inWard > 0) {
        const visit = visitAfter(visits, last - 1);
        if (visit && visit.at <= (times[slot + 1] ?? usableEnd) && visit.at <= usableEnd) {
          last = Math.max(at, visit.at);
          const place = inWard > 0 ? ward : store;
          const quantity = Math.min(balance.get(place) ?? 0, between(1, 3));
          move('dispense', place, -quantity, last, { visitId: visit.id });
          continue;
        }
      }
      if (r >= 0.62 && r < 0.77 && inStore > 0 && slot + 1 < times.length) {
        const quantity = Math.min(inStore, between(5, 20));
        const transferId = uuidv7();
        move('transfer_out', store, -quantity, at, { transferId });
        move('transfer_in', ward, quantity, at, { transferId });
        slot += 1;
        continue;
      }
      if (r >= 0.77 && r < 0.82) {
        if (inStore > 0 && random() < 0.6)
          move('adjust', store, -1, at, { reason: REASONS_DOWN[between(0, REASONS_DOWN.length - 1)] ?? 'damaged' });
        else move('adjust', store, 1, at, { reason: 'found on count' });
        continue;
      }
      receive(at);
    }
    return moves;
  };

  let lotsMade = 0;
  let movements = 0;
  let dispenses = 0;
  let belowReorder = 0;
  let orderId: string | null = null;
  let orderLines = 0;
  const dispensedPerLot: [string, number][] = [];
  const seedItem = (index: number) => {
    const itemId = uuidv7();
    const category = CATEGORIES[index % CATEGORIES.length] ?? 'Consumables';
    const ward = category === 'Vaccines' ? fridge : nurse;
    const cost = between(20, 5000);
    const lotCount = Math.floor(size.lots / size.items) + (index < size.lots % size.items ? 1 : 0);
    const lots: { id: string; number: string; expiry: string | null; moves: Move[] }[] = [];
    for (let l = 0; l < lotCount; l += 1) {
      const r = random();
      const expiry = r < 0.05 ? null : addDays(BENCH_TODAY, between(-240, 720));
      const lotId = uuidv7();
      const moves = lotHistory(lotId, ward, expiry, budget[lotsMade] ?? 2, cost);
      lots.push({ id: lotId, number: `L${String(lotsMade + 1).padStart(6, '0')}`, expiry, moves });
      lotsMade += 1;
    }
    const onHand = lots.reduce((sum, lot) => sum + lot.moves.reduce((s, m) => s + m.quantity, 0), 0);
    const below = random() < 1 / 6;
    const reorderLevel = below ? onHand + between(1, 50) : Math.floor(onHand / 3);
    if (below) belowReorder += 1;
    const billable = random() < 0.3;
    const created = Math.min(...lots.map((lot) => lot.moves[0]?.at ?? now));
    insertItem.run(
      itemId,
      `${category.slice(0, -1)} ${index + 1}`,
      `STK${String(index + 1).padStart(5, '0')}`,
      category,
      category === 'Dressings' ? 'dressing' : 'unit',
      category === 'Dressings' ? 10 : 1,
      cost,
      billable ? 1 : 0,
      billable ? cost * 2 : null,
      reorderLevel,
      Math.max(10, reorderLevel * 2),
      created,
      created,
    );
    for (const lot of lots) {
      const first = lot.moves[0]?.at ?? now;
      insertLot.run(lot.id, itemId, lot.number, lot.expiry, first, first);
      let dispensed = 0;
      for (const m of lot.moves) {
        if (m.kind === 'dispense') dispensed += 1;
        insertMove.run(
          uuidv7(),
          m.kind,
          itemId,
          lot.id,
          m.place,
          m.quantity,
          m.at,
          m.reason,
          m.cost,
          m.visitId,
          m.kind === 'receive' ? supplier : null,
          m.transferId,
          userId,
          username,
          m.at,
        );
      }
      movements += lot.moves.length;
      dispenses += dispensed;
      dispensedPerLot.push([lot.id, dispensed]);
    }
    if (below && belowReorder % 3 === 0) {
      if (orderId === null || orderLines >= 20) {
        orderId = uuidv7();
        orderLines = 0;
        insertOrder.run(
          orderId,
          supplier,
          store,
          `PO-${belowReorder}`,
          now - 2 * DAY,
          userId,
          username,
          now - 3 * DAY,
          now,
        );
      }
      insertOrderLine.run(uuidv7(), orderId, orderLines, itemId, Math.max(10, reorderLevel * 2), cost, now, now);
      orderLines += 1;
    }
  };
  const flush = handle.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) seedItem(index);
  });
  for (let from = 0; from < size.items; from += 200) flush(from, Math.min(size.items, from + 200));

  dispensedPerLot.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    items: size.items,
    lots: lotsMade,
    movements,
    dispenses,
    visits: visits.length,
    storeId: store,
    stockLocationIds: [store, nurse, fridge],
    belowReorder,
    recallLotIds: dispensedPerLot.slice(0, 50).map(([id]) => id),
  };
}
