// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';
import { coreBridge } from './core-bridge';
import type { CountSheet as CountSheetComponent } from '../../src-renderer/src/screens/stock/CountSheet';

let stock: StockClinic;
let CountSheet: typeof CountSheetComponent;
/** The writes that reached main from the sheet (its reads of the count are not counted). */
const writes: string[] = [];

beforeAll(async () => {
  stock = await openStockClinic();
  const manager = coreBridge(stock.clinic.core, 'manager').bridge;
  window.clinic = {
    ...manager,
    invoke: (name, input) => {
      if (name === 'stocktake.enter') writes.push(name);
      return manager.invoke(name, input);
    },
  };
  ({ CountSheet } = await import('../../src-renderer/src/screens/stock/CountSheet'));
});

afterAll(async () => {
  cleanup();
  await stock.clinic.close();
});

const messageOf = (label: string): string =>
  (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');

describe('the count sheet, checked as it is typed', () => {
  it("says a part unit is not a count beside that lot, in main's words, and refuses the save without sending", async () => {
    const lotId = await stock.receive({ itemId: stock.fluId, lotNumber: 'FLU-C1', quantity: 12 });
    const count = await stock.clinic.ok('manager', 'stocktake.start', { stockLocationId: stock.storeId, blind: false });
    const refused = await stock.clinic.core.invoke('manager', 'stocktake.enter', {
      countId: count.id,
      lines: [{ lotId, countedQuantity: 2.5 }],
    });
    const mainSays = refused.ok ? '' : (refused.error.details?.fields?.['lines.0.countedQuantity'] ?? '');
    expect(mainSays).toBe('must be a whole number of units');

    render(<CountSheet countId={count.id} />);
    const cell = 'Counted, Flu vaccine lot FLU-C1';
    await screen.findByLabelText(cell);
    fireEvent.change(screen.getByLabelText(cell), { target: { value: '2.5' } });
    await waitFor(() => expect(messageOf(cell)).toBe(mainSays));

    fireEvent.click(screen.getByRole('button', { name: 'Save counts' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/correct/i));
    expect(messageOf(cell)).toBe(mainSays);
    expect(writes, 'nothing was sent to main').toEqual([]);

    // Put right, the words go at once and the count is saved.
    fireEvent.change(screen.getByLabelText(cell), { target: { value: '11' } });
    expect(messageOf(cell)).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Save counts' }));
    await waitFor(() => expect(writes).toEqual(['stocktake.enter']));
  });
});
