import { dirname } from 'node:path';
import { APP_INDEX_URL, APP_ORIGIN } from './app-protocol';

/**
 * Where the renderer is served from, and whether a URL is one of its pages. Pure (no electron), so
 * the navigation and IPC-sender checks are unit tested.
 */
export type RendererLocation =
  | { kind: 'dev-server'; url: string }
  /** The built renderer, served from `dir` on app://front-desk/ (app-protocol.ts). */
  | { kind: 'app'; url: string; dir: string };

/** `ELECTRON_RENDERER_URL` only when not packaged: a packaged app never loads from a dev server. */
export function rendererLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  rendererIndex: string;
}): RendererLocation {
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    if (local && (url.protocol === 'http:' || url.protocol === 'https:')) return { kind: 'dev-server', url: url.href };
  }
  return { kind: 'app', url: APP_INDEX_URL, dir: dirname(options.rendererIndex) };
}

/**
 * A page of our renderer: the same origin as the dev server, or exactly app://front-desk/index.html
 * (query and fragment aside; the renderer routes by hash).
 */
export function isRendererUrl(location: RendererLocation, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === new URL(location.url).origin;
  return `${url.protocol}//${url.host}` === APP_ORIGIN && (url.pathname === '/index.html' || url.pathname === '/');
}

/** Production CSP for the built renderer; the dev server also needs Vite's inline preamble and its socket. */
export function contentSecurityPolicy(base: string, location: RendererLocation): string {
  if (location.kind === 'app') return base;
  const origin = new URL(location.url);
  const socket = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return base
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${socket}`);
}

/**
 * A link the desk may open in the computer's own browser (an appointment's meeting link): https only,
 * with a host and no credentials in it. Everything else a window tries to open is refused.
 */
export function isExternalLink(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/**
 * What to open for `appointments.meetingLink`'s answer: the stored link when it is an external https
 * link, else null (no link, no permission, or something stored that is not a link to open).
 */
export function meetingLinkToOpen(answer: { ok: true; value: unknown } | { ok: false }): string | null {
  if (!answer.ok) return null;
  const url = (answer.value as { url?: unknown } | null)?.url;
  return typeof url === 'string' && isExternalLink(url) ? url : null;
}
