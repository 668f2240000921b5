import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../src-main/web/security';
import { contentSecurityPolicy, isExternalLink, isRendererUrl, rendererLocation } from '../../src-main/electron/origin';

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
    ).toBe('file');
    expect(
      rendererLocation({ isPackaged: false, devServerUrl: 'https://evil.example/', rendererIndex: index }).kind,
    ).toBe('file');
    expect(rendererLocation({ isPackaged: false, devServerUrl: undefined, rendererIndex: index }).kind).toBe('file');
  });
});

describe('isRendererUrl', () => {
  const file = rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererIndex: index });
  const dev = rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererIndex: index });

  it('accepts the built index.html with any hash or query, nothing else on disk', () => {
    const own = pathToFileURL(index).href;
    expect(isRendererUrl(file, own)).toBe(true);
    expect(isRendererUrl(file, `${own}#/patients`)).toBe(true);
    expect(isRendererUrl(file, `${own}?x=1`)).toBe(true);
    expect(isRendererUrl(file, 'file:///etc/passwd')).toBe(false);
    expect(
      isRendererUrl(file, pathToFileURL('/opt/Front Desk/resources/app.asar/out/main/passphrase/passphrase.html').href),
    ).toBe(false);
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
});
