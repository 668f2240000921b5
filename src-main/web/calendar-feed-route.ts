import type { ServerResponse } from 'node:http';
import type { Core } from '../core/app';
import { tokenOfPath } from '../core/calendar-feeds/feed-tokens';
import { SECURITY_HEADERS } from './security';

/**
 * `GET /calendar/<token>.ics`: a provider's subscription (issue 21). Calendar apps cannot send the page's
 * bearer token, so the feed's own token is in the path; an unknown or revoked one is a 404, the same
 * answer as a path that was never a feed. Returns false for paths that are not a feed's.
 */
export async function serveCalendarFeed(core: Core, pathname: string, response: ServerResponse): Promise<boolean> {
  if (!pathname.startsWith('/calendar/')) return false;
  const token = tokenOfPath(pathname);
  const ics = token ? await core.calendarFeed(token) : null;
  if (ics === null) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }).end('No such calendar');
    return true;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(ics);
  return true;
}
