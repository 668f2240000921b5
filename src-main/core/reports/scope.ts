import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { ReportFilters } from '../../../src-shared/reports/model';
import type { HandlerContext } from '../api/context';
import { requireSettings } from '../settings/repository';
import { locationNames, providerIdsOfUser, providerNames, typeNames } from './repository';

export interface ReportScope {
  filters: ReportFilters;
  timeZone: string;
  currency: string;
  /** How the clinic writes phone numbers (exports write them its way). */
  phoneRegion: string | null;
  providers: Map<string, string>;
}

/**
 * Who may see what: managers and administrators any provider or all; a provider (who has
 * `reports:read` but not `billing:read`) only the provider rows linked to their user, so an
 * unfiltered report is narrowed to theirs and another provider's is refused.
 */
export async function reportScope(
  ctx: HandlerContext,
  input: {
    from: string;
    to: string;
    providerId: string | null;
    locationId?: string | null;
    typeId?: string | null;
    payer?: string | null;
  },
): Promise<ReportScope> {
  const settings = await requireSettings(ctx.db);
  const providers = new Map((await providerNames(ctx.db)).map((row) => [row.id, row.display_name]));
  let providerId = input.providerId;
  if (ctx.session?.role === 'provider') {
    const own = await providerIdsOfUser(ctx.db, ctx.session.userId);
    const first = own[0];
    if (first === undefined)
      throw new ApiError(
        'FORBIDDEN',
        'Your user is not linked to a provider, so there are no figures of yours to show.',
      );
    if (providerId === null) providerId = first;
    else if (!own.includes(providerId))
      throw fieldError('providerId', "a provider sees their own figures, not another's");
  }
  if (providerId !== null && !providers.has(providerId)) throw fieldError('providerId', 'no such provider');
  const locationId = input.locationId ?? null;
  const typeId = input.typeId ?? null;
  const locationName =
    locationId === null ? null : (await locationNames(ctx.db)).find((row) => row.id === locationId)?.name;
  if (locationName === undefined) throw fieldError('locationId', 'no such location');
  const typeName = typeId === null ? null : (await typeNames(ctx.db)).find((row) => row.id === typeId)?.name;
  if (typeName === undefined) throw fieldError('typeId', 'no such appointment type');
  return {
    filters: {
      from: input.from,
      to: input.to,
      providerId,
      providerName: providerId === null ? null : (providers.get(providerId) ?? null),
      locationId,
      locationName,
      typeId,
      typeName,
      payer: input.payer ?? null,
    },
    timeZone: settings.timeZone,
    currency: settings.currency,
    phoneRegion: settings.phoneRegion,
    providers,
  };
}

/** Stock figures are for those who may see the stock room. */
export function requireStockReader(ctx: HandlerContext): void {
  if (!ctx.session?.permissions.has('stock:read'))
    throw new ApiError('FORBIDDEN', 'Stock figures need the stock:read permission.');
}

/** Money reports are for those who may see billing: a provider's `reports:read` does not reach them. */
export function requireBillingReader(ctx: HandlerContext): void {
  if (!ctx.session?.permissions.has('billing:read'))
    throw new ApiError('FORBIDDEN', 'Revenue figures need the billing:read permission.');
}

/** Every date from `from` to `to`, both included. */
export function datesOf(from: string, to: string, addDays: (date: string, days: number) => string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
