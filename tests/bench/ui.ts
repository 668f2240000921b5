import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureCliBuilt } from '../../scripts/cli-bundle';
import { BENCH_USER } from './dataset';
import { runBenchmark, type BenchmarkResult } from './harness';
import { stopwatch, type Suite } from './suite';
import { serve, UI_DATES, UI_PER_PROVIDER, uiClinic } from './ui-data';
import { measureMemory, NAVIGATIONS } from './ui-memory';
import { paletteKeystroke } from './ui-palette';

/**
 * The screens in Chromium through browser mode (`clinic serve` on a copy of the bench clinic), each
 * time measured by the page itself, from the event to the frame after the DOM holds the answer
 * (requestAnimationFrame, then a task: the frame has been produced). The floors are the same page
 * writing the same amount of DOM from data already at hand, in one innerHTML: what any screen costs.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.FRONT_DESK_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Resolves after the next frame has been produced. */
const AFTER_PAINT = 'new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))';

/** Installed once per page: helpers the timed scripts call. */
const PAGE_HELPERS = `
  window.__bench = {
    afterPaint: () => ${AFTER_PAINT},
    /**
     * Waits until the DOM under root has stopped changing for quietMs; resolves with the time the
     * frame after its last change was produced (or \`since\` when nothing changed).
     */
    settle(root, since, quietMs) {
      return new Promise((done) => {
        let painted = since;
        let timer;
        const finish = () => { observer.disconnect(); done(painted); };
        const observer = new MutationObserver(() => {
          const change = performance.now();
          requestAnimationFrame(() => setTimeout(() => { if (change >= painted || painted === since) painted = performance.now(); }, 0));
          clearTimeout(timer);
          timer = setTimeout(finish, quietMs);
        });
        observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
        timer = setTimeout(finish, quietMs * 4);
      });
    },
  };
`;

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(BENCH_USER.username);
  await page.getByLabel('Password').fill(BENCH_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.evaluate(PAGE_HELPERS);
}

/**
 * Navigation to a day with 600 appointments, until the blocks of every column on screen are there and
 * painted (the grid draws only the columns in or next to its visible width).
 */
function dayPaint(page: Page, date: string): Promise<number> {
  return page.evaluate(`(async () => {
    location.hash = '#/patients';
    while (document.querySelector('.cal-appointment')) await new Promise((done) => requestAnimationFrame(done));
    await window.__bench.afterPaint();
    const started = performance.now();
    location.hash = '#/calendar/${date}';
    await new Promise((done) => {
      const ready = () => {
        const scroller = document.querySelector('.cal-scroll');
        const axis = document.querySelector('.cal-axis');
        if (!scroller || !axis || document.querySelectorAll('.cal-appointment').length < ${UI_PER_PROVIDER}) return false;
        const left = axis.getBoundingClientRect().right;
        const right = scroller.getBoundingClientRect().right;
        const shown = [...document.querySelectorAll('.cal-column')].filter((column) => {
          const box = column.getBoundingClientRect();
          return box.right > left && box.left < right;
        });
        return shown.length > 0 && shown.every((column) => column.querySelectorAll('.cal-appointment').length >= ${UI_PER_PROVIDER});
      };
      if (ready()) return done();
      const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); done(); } });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await window.__bench.afterPaint();
    return performance.now() - started;
  })()`);
}

/** The floor: the same 600 boxes and 20 headers, absolutely placed, written at once and painted (all 20 columns: the screen draws only those near the visible width). */
function dayFloor(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:9999';
    document.body.append(host);
    await window.__bench.afterPaint();
    const started = performance.now();
    let html = '';
    for (let p = 0; p < 20; p += 1) {
      html += '<div style="position:absolute;top:0;left:' + (60 + p * 180) + 'px;width:176px">Dr Bench ' + p + '</div>';
      for (let k = 0; k < ${UI_PER_PROVIDER}; k += 1) {
        html += '<div style="position:absolute;top:' + (40 + k * 48) + 'px;left:' + (60 + p * 180) + 'px;width:176px;height:44px;border-left:4px solid #2a9d8f;background:#eef">'
          + '<span>' + String(8 + Math.floor(k / 4)).padStart(2, '0') + ':' + String((k % 4) * 15).padStart(2, '0') + '</span> <strong>Patient ' + p + '-' + k + '</strong> <span>Short consultation</span></div>';
      }
    }
    host.innerHTML = html;
    await window.__bench.afterPaint();
    const elapsed = performance.now() - started;
    host.remove();
    return elapsed;
  })()`);
}

/** One keystroke in the patient search box: keydown to the results table settled and painted. */
async function keystroke(page: Page, prefix: string, key: string): Promise<number> {
  const box = page.getByLabel('Find a patient');
  await box.fill(prefix);
  await page.evaluate(
    `window.__bench.settle(document.getElementById('patient-results') || document.body, performance.now(), 150)`,
  );
  await box.focus();
  // The listener is in place (awaited) before the key is pressed, and the result is collected after.
  await page.evaluate(`(() => {
    const input = document.getElementById('patient-search');
    window.__bench.pending = new Promise((done) => input.addEventListener('keydown', () => done(performance.now()), { once: true })).then((started) => {
      const table = document.getElementById('patient-results') || document.body;
      return window.__bench.settle(table.parentElement || document.body, started, 100).then((painted) => painted - started);
    });
  })()`);
  await page.keyboard.press(key);
  return page.evaluate<number>('window.__bench.pending');
}

/**
 * The floor: a keydown that writes 20 result rows into a table, painted. Caught on the document in
 * the capture phase and stopped there (the search screen keeps the focus in its own box, and must
 * not search meanwhile). With `roundTrip`, the rows are written once one request to the host has
 * come back (its page, uncached): what any search that asks main pays in browser mode, where the page
 * reaches main over loopback HTTP through Chromium's network process (Electron's IPC has no such hop).
 */
async function keystrokeFloor(page: Page, roundTrip = false): Promise<number> {
  const answer = roundTrip
    ? "fetch(location.pathname, { cache: 'no-store' }).then((response) => response.text())"
    : 'Promise.resolve()';
  await page.evaluate(`(() => {
    const table = document.createElement('table');
    document.body.append(table);
    window.__bench.pending = new Promise((done) => document.addEventListener('keydown', (event) => {
      const started = performance.now();
      event.preventDefault();
      event.stopPropagation();
      ${answer}.then(() => {
        let html = '';
        for (let i = 0; i < 20; i += 1) html += '<tr><td>Patient ' + i + ' ' + Math.random() + '</td><td>1964-06-29</td><td>P0000' + i + '</td><td>07700 900' + i + '</td></tr>';
        table.innerHTML = html;
        done(started);
      });
    }, { capture: true, once: true })).then((started) => window.__bench.afterPaint().then(() => { table.remove(); return performance.now() - started; }));
  })()`);
  await page.keyboard.press('a');
  return page.evaluate<number>('window.__bench.pending');
}

/** Frame times while scrolling `selector` (or the page) down and back for 60 frames. */
function scrollFrames(page: Page, selector: string | null, scroll: boolean): Promise<number[]> {
  return page.evaluate(`(async () => {
    const target = ${selector ? `document.querySelector(${JSON.stringify(selector)})` : 'null'} || document.scrollingElement;
    const frames = [];
    let previous = await new Promise((done) => requestAnimationFrame(done));
    let direction = 1;
    for (let i = 0; i < 60; i += 1) {
      if (${scroll}) {
        if (target.scrollTop + target.clientHeight >= target.scrollHeight - 1) direction = -1;
        if (target.scrollTop <= 0) direction = 1;
        target.scrollBy({ top: 40 * direction, left: ${selector ? '24 * direction' : '0'} });
      }
      const now = await new Promise((done) => requestAnimationFrame(done));
      frames.push(now - previous);
      previous = now;
    }
    return frames;
  })()`);
}

/** FRONT_DESK_BENCH_UI=coldStart,dayView,scroll,keystroke,palette,memory: only these parts (all when unset). */
const part = (name: string) => {
  const chosen = process.env.FRONT_DESK_BENCH_UI?.split(',') ?? [
    'coldStart',
    'dayView',
    'scroll',
    'keystroke',
    'palette',
    'memory',
  ];
  return chosen.includes(name);
};

export const uiSuite: Suite = {
  name: 'ui',
  async run({ dataset, rounds, log, patientsLabel, fail }) {
    const took = stopwatch();
    execSync('npm run -s build:renderer', { cwd: ROOT, stdio: 'ignore' });
    await ensureCliBuilt();
    const clinic = uiClinic(dataset);
    let browser: Browser | undefined;
    let server: Awaited<ReturnType<typeof serve>> | undefined;
    const results: BenchmarkResult[] = [];
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      log(
        `ui: renderer and CLI built, ${UI_PER_PROVIDER * 20} appointments on ${UI_DATES.join(' and ')}, Chromium started in ${took()}`,
      );

      // Cold start: `clinic serve` spawned until the sign-in screen is painted in a fresh page.
      // Floor: a bare Node HTTP server spawned until a page with one heading is painted.
      const coldStart = async (floor: boolean) => {
        const started = performance.now();
        const context = await browser?.newContext();
        if (!context) throw new Error('no browser');
        try {
          const page = await context.newPage();
          if (floor) {
            const child = (await import('node:child_process')).spawn(process.execPath, [
              '-e',
              "const s=require('http').createServer((q,r)=>{r.setHeader('content-type','text/html');r.end('<!doctype html><h1>Sign in</h1>')}).listen(0,'127.0.0.1',()=>console.log('http://127.0.0.1:'+s.address().port+'/'))",
            ]);
            const url = await new Promise<string>((done) =>
              child.stdout.once('data', (chunk: Buffer) => done(chunk.toString().trim())),
            );
            await page.goto(url);
            await page.getByRole('heading', { name: 'Sign in' }).waitFor();
            await page.evaluate(AFTER_PAINT);
            const painted = performance.now() - started;
            child.kill('SIGTERM');
            return painted;
          }
          const cold = await serve(clinic.dir);
          try {
            await page.goto(cold.url);
            await page.getByRole('heading', { name: 'Sign in' }).waitFor();
            await page.evaluate(AFTER_PAINT);
            // Taken before stopping: shutting the server down is not part of starting it.
            return performance.now() - started;
          } finally {
            await cold.stop();
          }
        } finally {
          await context.close();
        }
      };
      if (part('coldStart'))
        results.push(
          ...(await runBenchmark(
            {
              name: 'ui.coldStart (serve spawned to sign-in painted)',
              dataset: patientsLabel,
              unit: 'ms',
              ours: { run: () => coldStart(false), selfTimed: true },
              floor: { run: () => coldStart(true), selfTimed: true },
              iterations: 1,
              goals: {},
            },
            rounds,
            1,
          )),
        );
      log(`ui.coldStart: measured in ${took()}`);

      server = await serve(clinic.dir);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('crash', () => log('ui: the page crashed'));
      await signIn(page, server.url);
      await dayPaint(page, UI_DATES[0]);
      if (part('dayView'))
        results.push(
          ...(await runBenchmark(
            {
              name: `ui.dayView (20 providers x ${UI_PER_PROVIDER} appointments, columns on screen painted after navigation)`,
              dataset: patientsLabel,
              unit: 'ms',
              ours: { run: (i) => dayPaint(page, UI_DATES[i % UI_DATES.length] ?? UI_DATES[0]), selfTimed: true },
              floor: { run: () => dayFloor(page), selfTimed: true },
              iterations: 6,
              goals: { p95Ms: 100 },
            },
            rounds,
            2,
          )),
        );
      log(`ui.dayView: measured in ${took()}`);

      const scrollDay = !part('scroll')
        ? []
        : await runBenchmark(
            {
              name: 'ui.scroll day view (frame times)',
              dataset: patientsLabel,
              unit: 'ms',
              ours: { run: () => scrollFrames(page, '.cal-scroll', true), selfTimed: true },
              floor: { run: () => scrollFrames(page, '.cal-scroll', false), selfTimed: true },
              iterations: 1,
              goals: { p95Ms: 33.3 },
            },
            rounds,
            1,
          );
      if (part('scroll')) results.push(...scrollDay);

      await page.evaluate(`location.hash = '#/patients'`);
      await page.getByLabel('Find a patient').waitFor();
      const prefixes = ['ma', 'le', 'sm', 'ga', 'jo', 'ro', 'ch', 'be'];
      const keys = ['r', 'e', 'i', 'n', 'o', 'a', 'l', 's'];
      const searchKeystroke = {
        run: (i: number) => keystroke(page, prefixes[i % prefixes.length] ?? 'ma', keys[(i >> 3) % keys.length] ?? 'r'),
        selfTimed: true,
      };
      if (part('keystroke'))
        results.push(
          ...(await runBenchmark(
            {
              name: 'ui.searchKeystroke (keydown to results painted)',
              dataset: patientsLabel,
              unit: 'ms',
              ours: searchKeystroke,
              floor: { run: () => keystrokeFloor(page), selfTimed: true },
              iterations: 6,
              goals: { p95Ms: 50 },
            },
            rounds,
            2,
          )),
          // The same keystrokes against a floor that also waits for one request to the host: in browser
          // mode a search cannot answer sooner than the page's round trip to main (a bare fetch costs
          // 7-9 ms p50 on the 2026-12-04 machine, ~1 on earlier ones), which the first floor never pays.
          ...(await runBenchmark(
            {
              name: 'ui.searchKeystroke, against a floor with one round trip to the host',
              dataset: patientsLabel,
              unit: 'ms',
              ours: searchKeystroke,
              floor: { run: () => keystrokeFloor(page, true), selfTimed: true },
              iterations: 6,
              goals: { p95Ms: 50 },
            },
            rounds,
            2,
          )),
        );
      log(`ui.searchKeystroke: measured in ${took()}`);

      if (part('palette')) {
        results.push(
          ...(await runBenchmark(
            {
              name: 'ui.paletteKeystroke (Ctrl+K: keydown to results painted)',
              dataset: patientsLabel,
              unit: 'ms',
              ours: {
                run: (i) =>
                  paletteKeystroke(page, prefixes[i % prefixes.length] ?? 'ma', keys[(i >> 3) % keys.length] ?? 'r'),
                selfTimed: true,
              },
              floor: { run: () => keystrokeFloor(page), selfTimed: true },
              iterations: 6,
              goals: { p95Ms: 50 },
            },
            rounds,
            2,
          )),
        );
        await page.keyboard.press('Escape');
        log(`ui.paletteKeystroke: measured in ${took()}`);
      }

      // The patient list, in a window short enough that 20 results scroll.
      await page.setViewportSize({ width: 1280, height: 420 });
      await page.getByLabel('Find a patient').fill('a');
      await page.evaluate(`window.__bench.settle(document.body, performance.now(), 200)`);
      if (part('scroll'))
        results.push(
          ...(await runBenchmark(
            {
              name: 'ui.scroll patient list (frame times)',
              dataset: patientsLabel,
              unit: 'ms',
              ours: { run: () => scrollFrames(page, null, true), selfTimed: true },
              floor: { run: () => scrollFrames(page, null, false), selfTimed: true },
              iterations: 1,
              goals: { p95Ms: 33.3 },
            },
            rounds,
            1,
          )),
        );
      log(`ui.scroll: measured in ${took()}`);

      // In a page of its own: what the parts above left in theirs is not this check's.
      if (part('memory')) {
        const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          await signIn(fresh, server.url);
          const memory = await measureMemory(fresh, server.child.pid, log);
          if (memory.result.verdict === 'LEAK')
            fail(
              `ui.memory: LEAK: the renderer's heap grew ${memory.result.growth} bytes over ${NAVIGATIONS} navigations`,
            );
        } finally {
          await fresh.close();
        }
        log(`ui.memory: measured in ${took()}`);
      }
      return results;
    } finally {
      await browser?.close();
      await server?.stop();
      clinic.remove();
    }
  },
};
