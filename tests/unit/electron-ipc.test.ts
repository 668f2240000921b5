import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core/app';
import type { EventListener } from '../../src-main/core/events/bus';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../src-shared/ipc-channels';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { bindIpc } = await import('../../src-main/electron/ipc');

const OWN = 'file:///app/out/renderer/index.html';

class FakeContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  readonly mainFrame = { processId: 7, routingId: 1, parent: null, url: OWN };
  constructor(readonly id: number) {
    super();
  }
  isDestroyed(): boolean {
    return false;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents: FakeContents;
  constructor(id: number) {
    super();
    this.webContents = new FakeContents(id);
  }
  isDestroyed(): boolean {
    return false;
  }
}

function fakeCore() {
  const listeners = new Map<string, EventListener>();
  const core = {
    invoke: vi.fn(async (clientId: string, name: string) => ({ ok: true as const, value: { clientId, name } })),
    subscribe: vi.fn((clientId: string, listener: EventListener) => {
      listeners.set(clientId, listener);
      return () => listeners.delete(clientId);
    }),
    disconnect: vi.fn(),
  };
  return { core, listeners, asCore: core as unknown as Core };
}

const invoke = (event: unknown, name: unknown, input: unknown = {}) => {
  const handler = handlers.get(INVOKE_CHANNEL);
  if (!handler) throw new Error('no invoke handler');
  return handler(event, name, input);
};
const eventFrom = (contents: FakeContents, frame: Partial<FakeContents['mainFrame']> | null = {}) => ({
  sender: contents,
  senderFrame: frame === null ? null : { ...contents.mainFrame, ...frame },
});

beforeEach(() => handlers.clear());

describe('IPC binding', () => {
  it('forwards declared procedures from our window top frame with its client id', async () => {
    const { core, asCore } = fakeCore();
    const binding = bindIpc(asCore, (url) => url.startsWith(OWN));
    const window = new FakeWindow(3);
    binding.attachWindow(window as never);
    await expect(invoke(eventFrom(window.webContents), 'auth.session')).resolves.toEqual({
      ok: true,
      value: { clientId: 'wc:3', name: 'auth.session' },
    });
    expect(core.invoke).toHaveBeenCalledWith('wc:3', 'auth.session', {});
  });

  it('refuses unknown names, other frames, other pages and unknown windows before core sees them', async () => {
    const { core, asCore } = fakeCore();
    const binding = bindIpc(asCore, (url) => url.startsWith(OWN));
    const window = new FakeWindow(3);
    binding.attachWindow(window as never);
    const contents = window.webContents;

    await expect(invoke(eventFrom(contents), 'constructor')).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(invoke(eventFrom(contents), 42)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    await expect(
      invoke(eventFrom(contents, { routingId: 2, parent: {} as never }), 'auth.session'),
    ).resolves.toMatchObject(forbidden);
    await expect(invoke(eventFrom(contents, { url: 'https://evil.example/' }), 'auth.session')).resolves.toMatchObject(
      forbidden,
    );
    await expect(invoke(eventFrom(contents, null), 'auth.session')).resolves.toMatchObject(forbidden);
    await expect(invoke(eventFrom(new FakeContents(9)), 'auth.session')).resolves.toMatchObject(forbidden);
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it('pushes events to the window and ends its session when it closes', () => {
    const { core, listeners, asCore } = fakeCore();
    const binding = bindIpc(asCore, (url) => url.startsWith(OWN));
    const window = new FakeWindow(4);
    binding.attachWindow(window as never);
    listeners.get('wc:4')?.('session.changed', { session: null });
    expect(window.webContents.sent).toEqual([
      [EVENT_CHANNEL, { topic: 'session.changed', payload: { session: null } }],
    ]);

    window.emit('closed');
    expect(listeners.has('wc:4')).toBe(false);
    expect(core.disconnect).toHaveBeenCalledWith('wc:4');
    binding.dispose();
    expect(handlers.has(INVOKE_CHANNEL)).toBe(false);
  });
});
