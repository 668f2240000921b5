import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/errors';
import { createCore, type Core } from '../../src-main/core/app';
import {
  httpTransport,
  SyncNetworkError,
  type SyncRequest,
  type SyncTransport,
} from '../../src-main/core/sync/transport';
import type { OpenedDb } from '../../src-server/db/open';
import { startHttp, type SyncHttpServer } from '../../src-server/http';
import { PushSignal } from '../../src-server/sync/signal';
import { ADMIN } from '../helpers/temp-core';

/**
 * The world of one convergence run (tests/sync/convergence.test.ts): the real sync server in this
 * process over one database (PGlite or PostgreSQL) that outlives restarts, desks that are real cores
 * over their own encrypted databases with their own skewed clocks, and between them a network the run
 * controls: it drops requests and answers, sends pushes twice, holds pushes back and delivers them
 * late, pages pulls small, takes desks offline, restarts the server in the middle of a push and
 * "kills" a desk in the middle of applying a pull (the database files as a crash would leave them).
 */

/** A small deterministic generator (mulberry32): the run's faults follow its seed, so a run replays. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** The server: one database, an HTTP instance that a restart replaces, and the true time of the world. */
export class World {
  http: SyncHttpServer | null = null;
  /** The true time; each desk reads it plus its own skew. */
  trueNow: number;
  /** Pushes held back by the network, delivered later (after newer ones) or at the end. */
  readonly late: SyncRequest[] = [];
  restarts = 0;

  constructor(
    readonly opened: OpenedDb,
    start: number,
  ) {
    this.trueNow = start;
  }

  async start(): Promise<void> {
    this.http = await startHttp(
      { db: this.opened.db, now: () => this.trueNow, signal: new PushSignal() },
      { host: '127.0.0.1', port: 0 },
    );
  }

  /** A new server instance on the same database (the old one's connections are cut). */
  async restart(): Promise<void> {
    await this.http?.close();
    this.restarts += 1;
    await this.start();
  }

  url(): string {
    if (!this.http) throw new Error('server not started');
    return this.http.url;
  }

  async stop(): Promise<void> {
    await this.http?.close();
    this.http = null;
  }

  /** Delivers held-back pushes (their answers go nowhere): the oldest `count`, or all. */
  async deliverLate(count = Number.POSITIVE_INFINITY): Promise<void> {
    for (let i = 0; i < count && this.late.length > 0; i += 1) {
      const request = this.late.shift() as SyncRequest;
      await httpTransport(this.url(), null)({ ...request, timeoutMs: 30_000 }).catch(() => undefined);
    }
  }
}

/** How often each fault happens on a desk's requests (0..1). */
export interface Faults {
  dropRequest: number;
  dropAnswer: number;
  duplicate: number;
  holdBack: number;
  smallPages: number;
}

export const NO_FAULTS: Faults = { dropRequest: 0, dropAnswer: 0, duplicate: 0, holdBack: 0, smallPages: 0 };

export type CrashPoint = { at: 'apply'; afterRows: number } | { at: 'push-answer' };

/** One desk: a core over its database files, its clock skew, its network state. */
export class FuzzDesk {
  core!: Core;
  offline = false;
  faults: Faults = NO_FAULTS;
  /** Armed by the run: the next apply (or push answer) leaves a crash image and the desk is reopened from it. */
  crash: CrashPoint | null = null;
  /** The folder holding the crash image taken, once the crash point was reached. */
  crashImage: string | null = null;
  restartServerOnNextPush = false;
  kills = 0;
  private signedIn = false;
  private readonly folders: string[] = [];

  constructor(
    readonly name: string,
    readonly world: World,
    readonly rng: Rng,
    public skewMs: number,
    readonly key: Buffer,
    public file: string,
  ) {
    this.folders.push(join(file, '..'));
  }

  now = (): number => this.world.trueNow + this.skewMs;

  async open(): Promise<void> {
    this.core = await createCore({ file: this.file, key: this.key, clock: this.now, syncTransport: this.transport });
    this.watchApply();
    this.signedIn = false;
  }

  /**
   * Every capture trigger asks `sync_capturing()`, also while remote changes are applied with capture
   * off: wrapped, it lets the run copy the database files at the Nth row an apply writes, which is what
   * a process killed at that moment leaves on disk (the open transaction not committed).
   */
  private watchApply(): void {
    const { handle, sync: runtime } = this.core.database;
    let rows = 0;
    handle.function('sync_capturing', { deterministic: false }, () => {
      const crash = this.crash;
      if (!runtime.capturing && crash?.at === 'apply') {
        rows += 1;
        if (rows >= crash.afterRows) {
          rows = 0;
          this.takeCrashImage();
        }
      }
      return runtime.capturing ? 1 : 0;
    });
  }

  private takeCrashImage(): void {
    const dir = mkdtempSync(join(tmpdir(), 'front-desk-crash-'));
    const file = join(dir, 'clinic.db');
    for (const suffix of ['', '-wal', '.audit-head']) {
      if (existsSync(this.file + suffix)) copyFileSync(this.file + suffix, file + suffix);
    }
    this.folders.push(dir);
    this.crash = null;
    this.crashImage = file;
  }

  /** After a round: if the crash point was reached, the desk "died" there and starts again from the image. */
  async reopenIfKilled(): Promise<boolean> {
    if (!this.crashImage) return false;
    const image = this.crashImage;
    this.crashImage = null;
    await this.core.close();
    this.file = image;
    this.kills += 1;
    await this.open();
    return true;
  }

  private readonly transport = (_url: string, _fp: string | null): SyncTransport => {
    return async (request) => {
      if (this.offline) throw new SyncNetworkError('offline (test)');
      const { rng, faults, world } = this;
      if (rng.chance(faults.dropRequest)) throw new SyncNetworkError('request lost (test)');
      let sent = request;
      if (request.method === 'GET' && request.path.startsWith('/v1/pull') && rng.chance(faults.smallPages)) {
        sent = { ...request, path: request.path.replace(/limit=\d+/, `limit=${1 + rng.int(20)}`) };
      }
      const isPush = request.method === 'POST' && request.path === '/v1/push';
      if (isPush && rng.chance(faults.holdBack)) {
        world.late.push(request);
        // Held back: either lost for now (it arrives later) or also sent now (and again later).
        if (rng.chance(0.5)) throw new SyncNetworkError('push held back (test)');
      }
      if (isPush && this.restartServerOnNextPush) {
        this.restartServerOnNextPush = false;
        // The server goes down mid-push: before the push reached it, or after it committed and
        // before its answer left. A new instance on the same database takes over.
        if (rng.chance(0.5)) {
          await world.restart();
          throw new SyncNetworkError('server restarted before the push arrived (test)');
        }
        await httpTransport(world.url(), null)(sent);
        await world.restart();
        throw new SyncNetworkError('server restarted before answering the push (test)');
      }
      let answer = await httpTransport(world.url(), null)(sent);
      if (rng.chance(faults.duplicate)) answer = await httpTransport(world.url(), null)(sent);
      if (isPush && this.crash?.at === 'push-answer') {
        // Killed after the server accepted, before the answers were recorded here.
        this.takeCrashImage();
        throw new SyncNetworkError('desk killed before recording the push answers (test)');
      }
      if (rng.chance(faults.dropAnswer)) throw new SyncNetworkError('answer lost (test)');
      if (!isPush && answer.status === 200 && rng.chance(faults.duplicate)) {
        // Reordered within the page: the desk must not rely on the server's order inside a page.
        const body = answer.body as { changes?: unknown[] };
        if (Array.isArray(body.changes)) body.changes.reverse();
      }
      return answer;
    };
  };

  /** A procedure as the administrator at this desk; signs in again when the screen locked (days passed). */
  async call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Result<Output<N>>> {
    if (!this.signedIn) await this.signIn();
    let result = (await this.core.invoke('admin', name, input)) as Result<Output<N>>;
    if (!result.ok && (result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED')) {
      await this.signIn();
      result = (await this.core.invoke('admin', name, input)) as Result<Output<N>>;
    }
    return result;
  }

  async ok<N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>> {
    const result = await this.call(name, input);
    if (!result.ok) throw new Error(`${this.name}: ${name} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  private async signIn(): Promise<void> {
    const result = await this.core.invoke('admin', 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    if (!result.ok) throw new Error(`${this.name}: sign-in failed: ${result.error.code} ${result.error.message}`);
    this.signedIn = true;
  }

  /** One sync round through the faulty network; failures are the network's (the loop would retry). */
  async round(): Promise<{ pushed: number; pulled: number } | null> {
    try {
      return await this.core.syncClient.syncOnce();
    } catch (error) {
      // The network's failures are the run's doing (the loop would retry); anything else is a finding.
      if (!(error instanceof SyncNetworkError)) throw error;
      return null;
    } finally {
      await this.reopenIfKilled();
    }
  }

  async close(): Promise<void> {
    await this.core?.close().catch(() => undefined);
    for (const dir of this.folders) rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of a template database (and its audit head) in a folder of its own. */
export function copyTemplate(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-fuzz-'));
  const file = join(dir, 'clinic.db');
  for (const suffix of ['', '-wal', '.audit-head']) {
    if (existsSync(template + suffix)) copyFileSync(template + suffix, file + suffix);
  }
  return file;
}
