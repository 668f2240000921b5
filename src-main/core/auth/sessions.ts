import type { SessionInfo } from '../../../src-shared/api/areas/auth';
import type { Language } from '../../../src-shared/api/areas/settings';
import type { Permission, Role } from '../../../src-shared/api/permissions';

export interface Session {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The user's own screen language (null: the clinic's); absent for the CLI's system session. */
  language?: Language | null;
  permissions: ReadonlySet<Permission>;
  lastActivityAt: number;
  locked: boolean;
  /** Wrong passwords at this window's lock screen since it last opened; too many sign it out. */
  failedUnlocks: number;
  /** The admin CLI acting as the system: no user row, audited under `username` with no user id. */
  system?: boolean;
}

/** Signed-in sessions by window (client id). Kept in memory: a restart signs everyone out. */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  get(clientId: string): Session | undefined {
    return this.#sessions.get(clientId);
  }

  set(clientId: string, session: Session): void {
    this.#sessions.set(clientId, session);
  }

  delete(clientId: string): void {
    this.#sessions.delete(clientId);
  }

  entries(): IterableIterator<[string, Session]> {
    return this.#sessions.entries();
  }

  /** Every window signed in as this user (to sign them out when the user is disabled). */
  clientsOf(userId: string): string[] {
    return [...this.#sessions].filter(([, session]) => session.userId === userId).map(([clientId]) => clientId);
  }
}

export function sessionInfo(session: Session, lockTimeoutMinutes: number): SessionInfo {
  return {
    user: {
      id: session.userId,
      username: session.username,
      displayName: session.displayName,
      role: session.role,
      language: session.language ?? null,
    },
    permissions: [...session.permissions].sort(),
    locked: session.locked,
    lockTimeoutMinutes,
  };
}
