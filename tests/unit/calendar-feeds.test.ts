import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startCalendarFeedHost, type CalendarFeedHost } from '../../src-main/web/calendar-feed-host';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

const NOW = Date.parse('2027-03-20T12:00:00Z');
const FRIDAY = '2027-03-26';
/** The UK's clocks go forward on Sunday 28 March 2027. */
const MONDAY = '2027-03-29';

let s: SchedulingClinic | undefined;
let host: WebHost | undefined;
let feedHost: CalendarFeedHost | undefined;
let squatter: Server | undefined;
afterEach(async () => {
  await host?.close();
  await feedHost?.close();
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
  feedHost = undefined;
  squatter = undefined;
  await s?.clinic.close();
  host = undefined;
  s = undefined;
});

async function clinicWithBookings(): Promise<SchedulingClinic> {
  s = await openSchedulingClinic({ now: NOW });
  const patientId = await s.patient('Zelda', 'Quintero');
  for (const date of [FRIDAY, MONDAY]) {
    const booked = await s.book({ patientId, start: { date, time: '09:00' } });
    expect(booked.ok).toBe(true);
  }
  const cancelled = await s.book({ patientId, start: { date: MONDAY, time: '11:00' } });
  if (!cancelled.ok) throw new Error('could not book');
  await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.value.id, reason: 'Patient called' });
  return s;
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
}

function get(port: number, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a provider’s .ics export', () => {
  it('round-trips through the parser with the right instants across the change to summer time', async () => {
    const clinic = await clinicWithBookings();
    const exported = await clinic.clinic.ok('admin', 'ical.export', { providerId: clinic.drAId });
    expect(exported.fileName).toBe('dr-ana-ortiz-appointments.ics');
    // 09:00 in London is 09:00 UTC before the change and 08:00 UTC after it; the cancelled one is left out.
    expect(events(exported.content)).toEqual([
      { summary: 'Booked: Consultation', start: '2027-03-26T09:00:00.000Z', end: '2027-03-26T09:30:00.000Z' },
      { summary: 'Booked: Consultation', start: '2027-03-29T08:00:00.000Z', end: '2027-03-29T08:30:00.000Z' },
    ]);
    expect(exported.content).not.toContain('Zelda');
    expect(exported.content).not.toContain('Quintero');
  });

  it('imports back as time off at the same clinic times', async () => {
    const clinic = await clinicWithBookings();
    const exported = await clinic.clinic.ok('admin', 'ical.export', { providerId: clinic.drAId });
    const input = { providerId: clinic.drBId, content: exported.content, months: 1 };
    const preview = await clinic.clinic.ok('admin', 'ical.previewImport', input);
    expect(preview.blocks.map((block) => [block.date, block.start, block.end])).toEqual([
      [FRIDAY, '09:00', '09:30'],
      [MONDAY, '09:00', '09:30'],
    ]);
  });
});

describe('the subscription address', () => {
  async function served(): Promise<{ clinic: SchedulingClinic; port: number }> {
    const clinic = await clinicWithBookings();
    const rendererDir = join(clinic.clinic.folder.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Front Desk</title>');
    host = await startWebHost({ core: clinic.clinic.core, rendererDir, token: 'test-token-0123456789abcdef' });
    return { clinic, port: host.port };
  }

  it('answers with the token, names no patient unless the clinic allows it, and stops when revoked', async () => {
    const { clinic, port } = await served();
    const issued = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    expect(issued.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(issued.url).toBe(`http://127.0.0.1:${port}${issued.path}`);

    const feed = await get(port, issued.path);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(events(feed.body).map((event) => event.summary)).toEqual(['Booked: Consultation', 'Booked: Consultation']);
    expect(feed.body).not.toContain('Quintero');

    await clinic.clinic.ok('admin', 'ical.setPatientNames', { allow: true });
    const named = await get(port, issued.path);
    expect(events(named.body)[0]?.summary).toMatch(/^Zelda Quintero\d+: Consultation$/);

    await clinic.clinic.ok('admin', 'ical.revoke', { providerId: clinic.drAId });
    expect((await get(port, issued.path)).status).toBe(404);
    expect((await get(port, '/calendar/not-a-token.ics')).status).toBe(404);
  });

  it('issuing again replaces the address: the old token stops, the new one works', async () => {
    const { clinic, port } = await served();
    const first = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    const second = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    expect(second.replaced).toBe(true);
    expect((await get(port, first.path)).status).toBe(404);
    expect((await get(port, second.path)).status).toBe(200);
    const status = await clinic.clinic.ok('admin', 'ical.status', {});
    expect(status.subscriptions.map((row) => row.providerId)).toEqual([clinic.drAId]);
  });

  it('keeps only a hash of the token', async () => {
    const { clinic } = await served();
    const issued = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    const token = issued.path.slice('/calendar/'.length, -'.ics'.length);
    const rows = clinic.clinic.core.database.handle.prepare('SELECT token_hash FROM calendar_feed_tokens').all();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('is refused to a receptionist', async () => {
    const { clinic } = await served();
    const refused = await clinic.clinic.call('desk', 'ical.issue', { providerId: clinic.drAId });
    expect(refused.ok).toBe(false);
  });
});

describe('the desktop app’s calendar feed host', () => {
  it('serves a subscription on loopback at the address ical.issue gives, and nothing but feeds', async () => {
    const clinic = await clinicWithBookings();
    const before = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    expect(before.url, 'no host serves feeds yet: no address to give').toBeNull();

    feedHost = await startCalendarFeedHost(clinic.clinic.core, 0);
    const issued = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    expect(issued.url).toBe(`${feedHost.origin}${issued.path}`);
    const feed = await get(feedHost.port, issued.path);
    expect(feed.status).toBe(200);
    expect(events(feed.body)).toHaveLength(2);
    expect((await get(feedHost.port, before.path)).status, 'the replaced token').toBe(404);
    expect((await get(feedHost.port, '/')).status, 'no screens here').toBe(404);
    expect((await get(feedHost.port, '/api/invoke')).status).toBe(404);

    await feedHost.close();
    feedHost = undefined;
    const after = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    expect(after.url).toBeNull();
  });

  it('takes another port when its own is held, and the address says which', async () => {
    const clinic = await clinicWithBookings();
    squatter = createServer();
    const held = await new Promise<number>((resolve) =>
      squatter?.listen(0, '127.0.0.1', () => resolve((squatter?.address() as AddressInfo).port)),
    );
    feedHost = await startCalendarFeedHost(clinic.clinic.core, held);
    expect(feedHost.port).not.toBe(held);
    const issued = await clinic.clinic.ok('admin', 'ical.issue', { providerId: clinic.drAId });
    expect(issued.url).toBe(`http://127.0.0.1:${feedHost.port}${issued.path}`);
    expect((await get(feedHost.port, issued.path)).status).toBe(200);
  });
});
