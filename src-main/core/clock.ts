/** Epoch milliseconds. Injected so that tests can move time (idle lock, login throttling). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
