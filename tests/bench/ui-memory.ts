import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { formatHeapVerdict, heapVerdict, mebibytes, type HeapVerdict } from './ui-memory-verdict';

/**
 * The renderer's memory over a working session: every screen of the main menu opened once, then 100
 * navigations between them, the JS heap read after a forced garbage collection (Chrome DevTools
 * Protocol, Chromium only) at the end of each, on the first screen both times. The main process is
 * `clinic serve`: its resident set is read from /proc at the same two moments.
 */

/** 100, as the issue asks; FRONT_DESK_BENCH_UI_NAVIGATIONS=N for a longer tour (does the heap level off?). */
export const NAVIGATIONS = Number(process.env.FRONT_DESK_BENCH_UI_NAVIGATIONS ?? 100);

export interface MemoryReport {
  screens: string[];
  firstHeap: number;
  lastHeap: number;
  firstServeRss: number | null;
  lastServeRss: number | null;
  result: HeapVerdict;
}

/** A process's resident set in bytes (Linux /proc); null elsewhere or when it has gone. */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const found = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return found?.[1] ? Number(found[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Navigates by the hash, as the menu's links do, and waits for the screen to stop changing. */
async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await page.evaluate(`window.__bench.settle(document.body, performance.now(), 150)`);
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // Twice: the first collection can leave objects a finaliser or weak reference freed meanwhile.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('Chromium reported no JSHeapUsedSize');
    return used;
  } finally {
    await cdp.detach();
  }
}

/** `page` is signed in, with the bench's page helpers installed; `servePid` is the main process. */
export async function measureMemory(
  page: Page,
  servePid: number | undefined,
  log: (line: string) => void,
): Promise<MemoryReport> {
  if (!Number.isInteger(NAVIGATIONS) || NAVIGATIONS < 1)
    throw new Error('FRONT_DESK_BENCH_UI_NAVIGATIONS must be a whole number, at least 1');
  // A string, as the other scripts here: the bench is compiled without the DOM's types.
  const screens = await page.evaluate<string[]>(
    `[...document.querySelectorAll('nav.main-nav a')].map((link) => link.getAttribute('href') || '').filter((href) => href.startsWith('#/'))`,
  );
  const home = screens[0];
  if (!home) throw new Error('ui.memory: the main menu has no screens');
  for (const screen of screens) await open(page, screen);
  await open(page, home);
  const firstHeap = await heapAfterGc(page);
  const firstServeRss = residentBytes(servePid);
  log(`ui.memory: ${screens.length} screens opened (${screens.join(' ')}), heap ${mebibytes(firstHeap)}`);

  // Read on the way too, each time the tour is back on the first screen: a heap that climbs round
  // after round is a leak, one that rises once and stays is a cache filling.
  const rounds: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i += 1) {
    const next = (i + 1) % screens.length;
    await open(page, screens[next] ?? home);
    if (next === 0) rounds.push(await heapAfterGc(page));
  }
  await open(page, home);
  const lastHeap = await heapAfterGc(page);
  const lastServeRss = residentBytes(servePid);
  const result = heapVerdict(firstHeap, lastHeap);
  log(`ui.memory: heap after each further round of every screen: ${[...rounds, lastHeap].map(mebibytes).join(', ')}`);
  log(formatHeapVerdict(firstHeap, lastHeap, result, NAVIGATIONS));
  log(
    `ui.memory: main process (clinic serve) RSS ${firstServeRss === null ? 'unknown' : mebibytes(firstServeRss)} after the first round, ` +
      `${lastServeRss === null ? 'unknown' : mebibytes(lastServeRss)} after ${NAVIGATIONS} navigations`,
  );
  return { screens, firstHeap, lastHeap, firstServeRss, lastServeRss, result };
}
