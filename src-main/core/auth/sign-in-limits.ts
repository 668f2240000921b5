/**
 * Failed sign-ins counted per client (a window or tab) and for the whole host, in memory. The account's
 * own backoff (throttle.ts) stops guessing at one account; these stop one client from trying many
 * accounts, and — because a browser-mode client chooses its own id and every request comes from
 * 127.0.0.1 — a global limit stops a page that rotates ids. A refused attempt costs no password check.
 */
export interface SignInLimitRules {
  perClient: { failures: number; windowMs: number };
  global: { failures: number; windowMs: number };
}

export const SIGN_IN_LIMITS: SignInLimitRules = {
  perClient: { failures: 10, windowMs: 15 * 60_000 },
  global: { failures: 50, windowMs: 5 * 60_000 },
};

/** Most clients remembered at once; the oldest are forgotten first (the global limit still holds). */
const MAX_CLIENTS = 1000;

export class SignInLimits {
  readonly #rules: SignInLimitRules;
  readonly #byClient = new Map<string, number[]>();
  #all: number[] = [];

  constructor(rules: SignInLimitRules = SIGN_IN_LIMITS) {
    this.#rules = rules;
  }

  /** Milliseconds this client must wait before its next attempt; 0 when it may try now. */
  retryAfter(clientId: string, now: number): number {
    const client = this.#recent(this.#byClient.get(clientId) ?? [], now, this.#rules.perClient.windowMs);
    this.#all = this.#recent(this.#all, now, this.#rules.global.windowMs);
    return Math.max(
      waitFor(client, now, this.#rules.perClient.failures, this.#rules.perClient.windowMs),
      waitFor(this.#all, now, this.#rules.global.failures, this.#rules.global.windowMs),
    );
  }

  recordFailure(clientId: string, now: number): void {
    const client = this.#recent(this.#byClient.get(clientId) ?? [], now, this.#rules.perClient.windowMs);
    client.push(now);
    this.#byClient.delete(clientId);
    this.#byClient.set(clientId, client);
    if (this.#byClient.size > MAX_CLIENTS) this.#byClient.delete(this.#byClient.keys().next().value as string);
    this.#all.push(now);
  }

  /** A success clears the client's own count, never the global one. */
  recordSuccess(clientId: string): void {
    this.#byClient.delete(clientId);
  }

  #recent(times: number[], now: number, windowMs: number): number[] {
    return times.filter((at) => now - at < windowMs);
  }
}

/** With `limit` failures inside the window, wait until the oldest of them leaves it. */
function waitFor(times: number[], now: number, limit: number, windowMs: number): number {
  if (times.length < limit) return 0;
  const oldest = times[times.length - limit] ?? now;
  return Math.max(0, oldest + windowMs - now);
}
