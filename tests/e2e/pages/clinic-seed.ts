import type { Page } from '@playwright/test';
import { invoke } from './bridge';

/** The zone every e2e clinic is set up in (FrontDeskPage.openNewClinic picks Europe/London). */
export const CLINIC_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;

/** The clinic's calendar date (YYYY-MM-DD) of an instant. */
export function clinicDateAt(instant: number, zone = CLINIC_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The clinic's date `days` from now (0 = today, negative = past). */
export function clinicDate(days = 0, zone = CLINIC_ZONE): string {
  return clinicDateAt(Date.now() + days * DAY_MS, zone);
}

const DAYTIME_ZONES = [CLINIC_ZONE, 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata'];

function hourIn(zone: string): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(Date.now()),
  );
}

/**
 * A seeded day that needs "today" to hold both a missed 00:00 (a no-show is refused until ten minutes past
 * its start) and later bookings cannot be seeded near midnight in London: such a test moves its clinic to
 * the first of these zones where it is between 03:00 and 21:00 now (London whenever it can be).
 */
export function daytimeZone(): string {
  return DAYTIME_ZONES.find((zone) => hourIn(zone) >= 3 && hourIn(zone) < 21) ?? CLINIC_ZONE;
}

/** Moves the clinic to daytimeZone() and gives its date today. */
export async function moveClinicToDaytime(page: Page): Promise<{ zone: string; today: string }> {
  const zone = daytimeZone();
  if (zone !== CLINIC_ZONE) await invoke(page, 'settings.update', { timeZone: zone });
  return { zone, today: clinicDate(0, zone) };
}

export interface ProviderAllWeekOptions {
  location: string;
  provider: string;
  colour?: string;
  rooms?: readonly string[];
  /** Working hours on each of the seven days; round the clock by default, so a test runs at any hour. */
  hours?: { start: string; end: string };
}

export interface ProviderAllWeek {
  locationId: string;
  providerId: string;
  roomIds: string[];
}

/**
 * A location (with rooms) and a provider working the same hours on all seven days, through the page's
 * own bridge: quicker than the set-up screens, which setup.spec.ts covers.
 */
export async function providerAllWeek(page: Page, options: ProviderAllWeekOptions): Promise<ProviderAllWeek> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: options.location });
  const roomIds: string[] = [];
  for (const name of options.rooms ?? []) {
    const room = await invoke<{ id: string }>(page, 'schedule.createRoom', { locationId: location.id, name });
    roomIds.push(room.id);
  }
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: options.provider,
    colour: options.colour ?? '#1f5fa8',
    defaultLocationId: location.id,
  });
  const hours = options.hours ?? { start: '00:00', end: '24:00' };
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday,
      start: hours.start,
      end: hours.end,
      breaks: [],
    });
  }
  return { locationId: location.id, providerId: provider.id, roomIds };
}
