import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../src-main/web/security';
import {
  contentSecurityPolicy,
  isExternalLink,
  isRendererUrl,
  meetingLinkToOpen,
  rendererLocation,
} from '../../src-main/electron/origin';
import { resolveAppRequest } from '../../src-main/electron/app-protocol';

const index = '/opt/Front Desk/resources/app.asar/out/renderer/index.html';

describe('renderer location', () => {
  it('uses the dev server only when not packaged, and only on this machine', () => {
    expect(
      rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/', rendererIndex: index }),
    ).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    });
    expect(
      rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173/', rendererIndex: index }).kind,
    ).toBe('app');
    expect(
      rendererLocation({ isPackaged: false, devServerUrl: 'https://evil.example/', rendererIndex: index }).kind,
    ).toBe('app');
    expect(rendererLocation({ isPackaged: false, devServerUrl: undefined, rendererIndex: index }).kind).toBe('app');
  });
});

describe('isRendererUrl', () => {
  const file = rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererIndex: index });
  const dev = rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererIndex: index });

  it('accepts app://front-desk/index.html with any hash or query, and never a file:// page', () => {
    expect(isRendererUrl(file, 'app://front-desk/index.html')).toBe(true);
    expect(isRendererUrl(file, 'app://front-desk/index.html#/patients')).toBe(true);
    expect(isRendererUrl(file, 'app://front-desk/index.html?x=1')).toBe(true);
    expect(isRendererUrl(file, 'app://front-desk/assets/index.js')).toBe(false);
    expect(isRendererUrl(file, 'app://elsewhere/index.html')).toBe(false);
    expect(isRendererUrl(file, pathToFileURL(index).href)).toBe(false);
    expect(isRendererUrl(file, 'file:///etc/passwd')).toBe(false);
    expect(isRendererUrl(file, 'https://example.com/')).toBe(false);
    expect(isRendererUrl(file, 'not a url')).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isRendererUrl(dev, 'http://localhost:5173/#/login')).toBe(true);
    expect(isRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isRendererUrl(dev, 'http://127.0.0.1:5173/')).toBe(false);
    expect(isRendererUrl(dev, pathToFileURL(index).href)).toBe(false);
  });

  it('keeps the production CSP as is and relaxes it only for the dev server', () => {
    expect(contentSecurityPolicy(CONTENT_SECURITY_POLICY, file)).toBe(CONTENT_SECURITY_POLICY);
    const relaxed = contentSecurityPolicy(CONTENT_SECURITY_POLICY, dev);
    expect(relaxed).toContain("script-src 'self' 'unsafe-inline'");
    expect(relaxed).toContain("connect-src 'self' ws://localhost:5173");
    expect(relaxed).toContain("object-src 'none'");
  });

  it('opens in the system browser only https links with a host and no credentials (meeting links)', () => {
    expect(isExternalLink('https://meet.example.org/abc-defg-hij')).toBe(true);
    expect(isExternalLink('http://meet.example.org/abc')).toBe(false);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('https://user:secret@meet.example.org/')).toBe(false);
    expect(isExternalLink('not a url')).toBe(false);
  });

  it('opens only an https link that main read for the appointment, never one a page names', () => {
    expect(meetingLinkToOpen({ ok: true, value: { url: 'https://meet.example.org/abc' } })).toBe(
      'https://meet.example.org/abc',
    );
    expect(meetingLinkToOpen({ ok: true, value: { url: null } })).toBeNull();
    expect(meetingLinkToOpen({ ok: true, value: { url: 'javascript:alert(1)' } })).toBeNull();
    expect(meetingLinkToOpen({ ok: true, value: { url: 'file:///etc/passwd' } })).toBeNull();
    expect(meetingLinkToOpen({ ok: false })).toBeNull();
  });
});

describe('the app:// protocol', () => {
  const dir = '/opt/Front Desk/resources/app.asar/out/renderer';

  it('serves files of the built renderer, index.html for the root', () => {
    expect(resolveAppRequest(dir, 'app://front-desk/')).toEqual({
      file: `${dir}/index.html`,
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest(dir, 'app://front-desk/assets/index-abc.js')).toEqual({
      file: `${dir}/assets/index-abc.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('never serves a file outside the renderer, another host, or a malformed path', () => {
    // URL parsing folds ../ away; what is left is inside the folder, and only known file types are served.
    expect(resolveAppRequest(dir, 'app://front-desk/../../clinic.db')).toEqual({ status: 404 });
    // Encoded dots and slashes are decoded and then clamped at the renderer's folder: still inside it.
    expect(resolveAppRequest(dir, 'app://front-desk/%2e%2e/%2e%2e/main/index.js')).toMatchObject({
      file: `${dir}/main/index.js`,
    });
    expect(resolveAppRequest(dir, 'app://front-desk/..%2f..%2f..%2fdb-key.json')).toMatchObject({
      file: `${dir}/db-key.json`,
    });
    expect(resolveAppRequest(dir, 'app://other/index.html')).toEqual({ status: 403 });
    expect(resolveAppRequest(dir, 'file:///etc/passwd')).toEqual({ status: 403 });
    expect(resolveAppRequest(dir, 'app://front-desk/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveAppRequest(dir, 'app://front-desk/db.sqlite')).toEqual({ status: 404 });
  });
});

describe('electron-builder fuses', () => {
  it('turns off file:// privileges, RunAsNode, NODE_OPTIONS and inspect, and turns on cookie encryption and ASAR checks', () => {
    const config = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    const fuses = config.slice(config.indexOf('electronFuses:'));
    for (const line of [
      'grantFileProtocolExtraPrivileges: false',
      'runAsNode: false',
      'enableCookieEncryption: true',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(fuses).toContain(`  ${line}\n`);
    }
  });
});
