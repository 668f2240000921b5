// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';
import { coreBridge } from './core-bridge';
import type { Permission } from '../../src-shared/api/permissions';
import type { ReceiveForm as ReceiveFormComponent } from '../../src-renderer/src/screens/stock/ReceiveForm';

let stock: StockClinic;
let ReceiveForm: typeof ReceiveFormComponent;

beforeAll(async () => {
  stock = await openStockClinic();
  window.clinic = coreBridge(stock.clinic.core, 'manager').bridge;
  ({ ReceiveForm } = await import('../../src-renderer/src/screens/stock/ReceiveForm'));
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

describe('receiving stock, checked as it is typed', () => {
  it('says a part unit is not a quantity beside Units before anything is sent, and keeps nothing once fixed', async () => {
    const { item } = await stock.clinic.ok('manager', 'stock.item', { itemId: stock.fluId });
    const setup = await stock.clinic.ok('manager', 'stockroom.get', {});
    render(<ReceiveForm item={item} setup={setup} />);
    const units = `Units (${item.dispensingUnit})`;
    fireEvent.change(screen.getByLabelText(units), { target: { value: '2.5' } });
    // Main's own words for the same draft.
    const refused = await stock.clinic.core.invoke('manager', 'stock.receive', {
      itemId: item.id,
      stockLocationId: stock.storeId,
      lotNumber: 'FLU-1',
      expiryOn: null,
      quantity: 2.5,
      unitCostMinor: null,
      supplierId: null,
    });
    const mainSays = refused.ok ? '' : ((refused.error.details?.fields as Record<string, string>).quantity ?? '');
    expect(mainSays).toBe('must be a whole number of units');
    await waitFor(() => expect(messageOf(units)).toContain(mainSays));
    fireEvent.change(screen.getByLabelText(units), { target: { value: '20' } });
    expect(messageOf(units)).not.toContain(mainSays);
  });
});

describe('a delivery received', () => {
  it('is told back in the units a person says: one dose, twenty doses', async () => {
    cleanup();
    const { item } = await stock.clinic.ok('manager', 'stock.item', { itemId: stock.fluId });
    const setup = await stock.clinic.ok('manager', 'stockroom.get', {});
    render(<ReceiveForm item={item} setup={setup} />);
    const receive = async (lotNumber: string, quantity: string) => {
      fireEvent.change(screen.getByLabelText('Lot number'), { target: { value: lotNumber } });
      fireEvent.change(screen.getByLabelText('Units (dose)'), { target: { value: quantity } });
      fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    };
    await receive('FLU-ONE', '1');
    expect(await screen.findByText('Received 1 dose, lot FLU-ONE.')).toBeTruthy();
    await receive('FLU-TWENTY', '20');
    expect(await screen.findByText('Received 20 doses, lot FLU-TWENTY.')).toBeTruthy();
  });
});

describe('the item page for someone who may only dispense', () => {
  it('says who receives and adjusts stock instead of showing a page without its forms', async () => {
    cleanup();
    const { useSession } = await import('../../src-renderer/src/stores/session');
    const { ItemPage } = await import('../../src-renderer/src/screens/stock/ItemPage');
    window.clinic = coreBridge(stock.clinic.core, 'nurse').bridge;
    const signedIn = useSession.getState().session;
    const asNurse = (permissions: Permission[]) =>
      useSession.setState({
        session: {
          user: { id: 'nurse', username: 'nina', displayName: 'Nina Nurse', role: 'nurse' },
          permissions,
          locked: false,
          lockTimeoutMinutes: 10,
        },
      });
    try {
      asNurse(['stock:read', 'stock:dispense']);
      render(<ItemPage itemId={stock.fluId} />);
      expect(await screen.findByText(/Receiving, moving and adjusting stock is for a manager/)).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Receive' })).toBeNull();
      cleanup();
      asNurse(['stock:read', 'stock:dispense', 'stock:receive', 'stock:adjust']);
      render(<ItemPage itemId={stock.fluId} />);
      expect(await screen.findByRole('button', { name: 'Receive' })).toBeTruthy();
      expect(screen.queryByText(/Receiving, moving and adjusting stock is for a manager/)).toBeNull();
    } finally {
      useSession.setState({ session: signedIn });
      window.clinic = coreBridge(stock.clinic.core, 'manager').bridge;
    }
  });
});
