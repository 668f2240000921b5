import { extname, join, normalize, sep } from 'node:path';

/**
 * The renderer is served from `app://front-desk/` (a standard, secure scheme registered before the
 * app is ready) instead of `file://`, as Electron's security checklist asks: a page there is an
 * ordinary origin with no reach into the file system, and the `grantFileProtocolExtraPrivileges`
 * fuse can be off. This module is the pure half (which file a request names); app-protocol-handler.ts
 * binds it to `protocol.handle`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'front-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type AppRequest = { file: string; contentType: string } | { status: 400 | 403 | 404 };

/** The file under `rendererDir` that an `app://` request names, or the status to answer instead. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): AppRequest {
  const url = URL.parse(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0')) return { status: 400 };
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
  const root = normalize(rendererDir);
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return { status: 403 };
  const contentType = CONTENT_TYPES[extname(file)];
  if (!contentType) return { status: 404 };
  return { file, contentType };
}
