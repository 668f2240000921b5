import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { serveCalendarFeed } from './calendar-feed-route';
import { SECURITY_HEADERS } from './security';

/**
 * The port the desktop app serves calendar subscriptions on. A calendar app keeps the address it was given,
 * so the port must be the same after every restart; only when something else holds it does the feed host
 * take a port of the system's choosing, and the addresses it gives from then on say so.
 */
export const CALENDAR_FEED_PORT = 47615;

export interface CalendarFeedHost {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The desktop app's loopback host for `GET /calendar/<token>.ics` (issue 21): the app's window talks to
 * core over IPC and has no HTTP host a calendar app could subscribe to, so this one answers feeds and
 * nothing else. Browser mode's web host serves the same route itself.
 */
export async function startCalendarFeedHost(core: Core, port = CALENDAR_FEED_PORT): Promise<CalendarFeedHost> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void (async () => {
      if (request.method === 'GET' && (await serveCalendarFeed(core, pathname, response))) return;
      response.writeHead(404, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }).end('No such calendar');
    })().catch((error: unknown) => {
      console.error('[front-desk] calendar feed failed:', error);
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    });
  });
  const bound = await listen(server, port).catch(async (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return listen(server, 0);
  });
  const origin = `http://127.0.0.1:${bound}`;
  core.serveCalendarFeedsAt(origin);
  return {
    origin,
    port: bound,
    close: async () => {
      core.serveCalendarFeedsAt(null);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
