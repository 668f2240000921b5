import { ApiError } from '../../../../src-shared/api/errors';
import { nearExpiryDays } from '../../stock/setup-repository';
import { findItem } from '../../stock/setup-repository';
import { saveItem, saveStockLocation, saveSupplier, stockLocations, suppliers, toItem } from '../../stock/setup';
import { billingContext } from '../../billing/context';
import type { HandlersFor } from '../context';
import { stockChanged } from './stock-common';

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ApiError('INTERNAL', `The ${what} just saved could not be read back.`);
  return value;
}

export const stockroomHandlers: HandlersFor<
  'stockroom.get' | 'stockroom.saveItem' | 'stockroom.saveSupplier' | 'stockroom.saveLocation'
> = {
  'stockroom.get': async (ctx) => ({
    nearExpiryDays: await nearExpiryDays(ctx.db),
    money: (await billingContext(ctx.db, ctx.now)).money,
    locations: await stockLocations(ctx.db),
    suppliers: await suppliers(ctx.db),
  }),
  'stockroom.saveItem': async (ctx, input) => {
    const id = await saveItem(ctx.db, input, ctx.now);
    await stockChanged(ctx, 'setup', { type: 'stock_item', id }, [id], { code: input.code, name: input.name });
    return toItem(found(await findItem(ctx.db, id), 'item'));
  },
  'stockroom.saveSupplier': async (ctx, input) => {
    const id = await saveSupplier(ctx.db, input, ctx.now);
    await stockChanged(ctx, 'setup', { type: 'stock_supplier', id }, [], { name: input.name });
    return found(
      (await suppliers(ctx.db)).find((supplier) => supplier.id === id),
      'supplier',
    );
  },
  'stockroom.saveLocation': async (ctx, input) => {
    const id = await saveStockLocation(ctx.db, input, ctx.now);
    await stockChanged(ctx, 'setup', { type: 'stock_location', id }, [], { name: input.name });
    return found(
      (await stockLocations(ctx.db)).find((place) => place.id === id),
      'stock location',
    );
  },
};
