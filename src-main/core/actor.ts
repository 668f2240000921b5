import type { Session } from './auth/sessions';

/**
 * Who is acting in a call: what writes stamp on their rows (`created_by`, `by_name`…) and what the audit
 * entry names. Every field is null for a call without a session (set-up, sign-in).
 */
export interface Actor {
  userId: string | null;
  username: string | null;
  displayName: string | null;
}

export function actorOf(session: Session | null): Actor {
  return {
    userId: session?.userId ?? null,
    username: session?.username ?? null,
    displayName: session?.displayName ?? null,
  };
}
