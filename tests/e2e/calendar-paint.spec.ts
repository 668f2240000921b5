import type { Page } from '@playwright/test';
import type { ClinicBridge } from '../../src-shared/bridge';
import { test, expect } from './fixtures';
import { invoke, invokeEach } from './pages/bridge';
import { FrontDeskPage } from './pages/front-desk';

/** `window.clinic` and the DOM inside page.evaluate (the tests compile without the DOM library). */
interface Box {
  left: number;
  right: number;
}
interface Element {
  getBoundingClientRect: () => Box;
  querySelectorAll: (selector: string) => { length: number };
}
type PageGlobals = {
  clinic?: ClinicBridge;
  location: { hash: string };
  document: {
    querySelector: (selector: string) => Element | null;
    querySelectorAll: (selector: string) => Iterable<Element> & { length: number };
  };
  requestAnimationFrame: (fn: () => void) => void;
};

const DATE = '2027-03-10';
const OTHER = '2027-03-11';
const PROVIDERS = 20;
const PER_PROVIDER = 30;

/** 20 providers working 08:00-18:00 on Wednesdays, each with 30 back-to-back 15-minute appointments. */
async function fill(page: Page): Promise<void> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Review',
    durationMinutes: 15,
    colour: '#2e7d32',
  });
  for (let p = 0; p < PROVIDERS; p += 1) {
    const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
      displayName: `Dr Provider ${String(p + 1).padStart(2, '0')}`,
      colour: '#1f5fa8',
      defaultLocationId: location.id,
    });
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday: 3,
      start: '08:00',
      end: '18:00',
    });
    // One patient per provider: their appointments follow one another, so no patient overlaps.
    const patient = await invoke<{ id: string }>(page, 'patients.create', {
      firstName: `Paint${p}`,
      lastName: 'Tester',
      dob: `19${String(50 + p)}-01-01`,
    });
    // The day's 30 bookings in one round trip to the page (600 separate ones would add seconds).
    const bookings = Array.from({ length: PER_PROVIDER }, (_, i) => {
      const minutes = 8 * 60 + i * 15;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return {
        name: 'appointments.book',
        input: { patientId: patient.id, providerId: provider.id, typeId: type.id, start: { date: DATE, time } },
      };
    });
    await invokeEach(page, bookings);
  }
}

/**
 * From another day's view: set the hash, wait until every column on screen (in the scroller's width,
 * right of the time axis) holds `perColumn` blocks, then for the next frame. Columns scrolled out of
 * sight are not drawn (the grid draws the columns near the visible ones), so they are not waited for.
 */
async function navigateAndPaint(page: Page, date: string, perColumn: number): Promise<{ ms: number; columns: number }> {
  return page.evaluate(
    async ({ date: target, perColumn: expected }) => {
      const g = globalThis as unknown as PageGlobals;
      const started = performance.now();
      g.location.hash = `#/calendar/${target}`;
      const onScreen = (): Element[] => {
        const scroller = g.document.querySelector('.cal-scroll');
        const axis = g.document.querySelector('.cal-axis');
        if (!scroller || !axis) return [];
        const left = axis.getBoundingClientRect().right;
        const right = scroller.getBoundingClientRect().right;
        return [...g.document.querySelectorAll('.cal-column')].filter((column) => {
          const box = column.getBoundingClientRect();
          return box.right > left && box.left < right;
        });
      };
      let columns = 0;
      await new Promise<void>((resolve) => {
        const check = () => {
          const shown = onScreen();
          columns = shown.length;
          if (
            expected === 0 ||
            (shown.length > 0 &&
              shown.every((column) => column.querySelectorAll('.cal-appointment').length >= expected))
          )
            g.requestAnimationFrame(() => resolve());
          else g.requestAnimationFrame(check);
        };
        check();
      });
      return { ms: performance.now() - started, columns };
    },
    { date, perColumn },
  );
}

/**
 * A measurement more than a check, so it runs only when asked (`FRONT_DESK_PAINT=1 npx playwright test
 * calendar-paint`): on a machine shared with other work its figure says more about the neighbours.
 * "Painted" means every block of the columns on screen (the grid does not draw columns scrolled out
 * of sight). The checked figure steps between two neighbouring days, as a receptionist does, so the
 * day is usually drawn from the calendar's cache of days read ahead; the cold figure (from another
 * screen, the procedure call over browser mode's HTTP bridge included) is printed beside it.
 */
test('calendar paint: the day view with 20 providers x 30 appointments, its columns on screen painted within 100 ms of navigation', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await fill(page);
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(OTHER);
  await expect(page.getByRole('region', { name: 'Day schedule' }).getByRole('heading', { level: 3 })).toHaveCount(
    PROVIDERS,
  );

  const times: number[] = [];
  let onScreen = 0;
  for (let run = 0; run < 7; run += 1) {
    const painted = await navigateAndPaint(page, DATE, PER_PROVIDER);
    times.push(painted.ms);
    onScreen = painted.columns;
    await navigateAndPaint(page, OTHER, 0);
    await expect(page.locator('.cal-appointment')).toHaveCount(0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Infinity;
  // Cold: from another screen, so nothing is cached (leaving the calendar forgets its days) and the
  // screen is built anew; the day's call is part of the time.
  const cold: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/';
    });
    await expect(page.getByRole('region', { name: 'Day schedule' })).toHaveCount(0);
    // Let reads in flight end ('networkidle' never comes: the events stream is a fetch that stays open).
    await page.waitForTimeout(300);
    cold.push((await navigateAndPaint(page, DATE, PER_PROVIDER)).ms);
  }
  cold.sort((a, b) => a - b);
  // The part that is not the screen's: the day's procedure call alone, over the same bridge.
  const fetches = await page.evaluate(async (date) => {
    const clinic = (globalThis as unknown as PageGlobals).clinic;
    const took: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const started = performance.now();
      await clinic?.invoke('appointments.day', { date, providerIds: [], includeCancelled: false });
      took.push(performance.now() - started);
    }
    return took.sort((a, b) => a - b);
  }, DATE);
  console.log(`of which the appointments.day call alone, median ms: ${(fetches[3] ?? 0).toFixed(1)}`);
  console.log(
    `day view, ${PROVIDERS} providers x ${PER_PROVIDER} appointments (${onScreen} columns on screen): navigation to painted, ms: ${times.map((t) => t.toFixed(1)).join(', ')} (median ${median.toFixed(1)})`,
  );
  console.log(
    `the same day from another screen (nothing cached), ms: ${cold.map((t) => t.toFixed(1)).join(', ')} (median ${(cold[2] ?? 0).toFixed(1)})`,
  );
  expect(median).toBeLessThanOrEqual(100);
});
