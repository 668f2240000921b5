import { BrowserWindow, app, dialog, session, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { contentSecurityPolicy, isRendererUrl, rendererLocation, type RendererLocation } from './origin';
import { PATHS } from './paths';

export function currentRendererLocation(): RendererLocation {
  return rendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererIndex: PATHS.rendererIndex,
  });
}

/**
 * Session-wide rules, set once before any window: the CSP header on every response, every permission
 * (camera, notifications, geolocation, HID, serial...) refused.
 */
export function hardenSession(location: RendererLocation, target: Session = session.defaultSession): void {
  const policy = contentSecurityPolicy(CONTENT_SECURITY_POLICY, location);
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') Reflect.deleteProperty(headers, name);
    }
    headers['Content-Security-Policy'] = [policy];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

/**
 * Every web contents the app ever creates (our windows, the passphrase window, anything a bug might open):
 * no new windows (an https link goes to the system browser instead), no <webview>, no navigation away
 * from our own pages.
 */
export function hardenAllWebContents(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // No page opens anything: a meeting link is opened by appointment id through the bridge
    // (ipc.ts), so a page cannot send the computer's browser to an address of its choosing.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isRendererUrl(location, event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isRendererUrl(location, event.url)) event.preventDefault();
    });
  });
}

export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Front Desk',
    show: false,
    webPreferences: {
      preload: PATHS.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium would fetch dictionaries from a CDN; the app works offline.
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => {
    if (!isRendererUrl(location, event.url)) event.preventDefault();
  });
  // A form with unsaved changes cancels unload (beforeunload); Electron would then refuse to close silently, so ask.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave and lose changes', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'You have unsaved changes. Leave this page and lose them?',
    });
    if (choice === 0) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());

  const loading = window.loadURL(location.url);
  loading.catch((error: unknown) => console.error('[front-desk] could not load the renderer:', error));
  return window;
}
