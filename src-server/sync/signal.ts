import { EventEmitter } from 'node:events';

/**
 * Wakes long polls on this instance as soon as a push of their clinic commits. Only a shortcut:
 * pulls also re-read the database every POLL_MS, which is what makes a push to another instance on
 * the same PostgreSQL reach them — no instance keeps state another one needs.
 */
export const POLL_MS = 250;

export class PushSignal {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  notify(clinicId: string): void {
    this.emitter.emit(clinicId);
  }
  /** Resolves after a push of this clinic, after `ms`, or when `abort` fires, whichever is first. */
  wait(clinicId: string, ms: number, abort: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off(clinicId, done);
        abort.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.emitter.on(clinicId, done);
      abort.addEventListener('abort', done);
    });
  }
}
