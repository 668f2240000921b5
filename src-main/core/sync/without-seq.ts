/** A pending change as it travels: the outbox's local order number stays on this desk. */
export function withoutSeq<T extends { seq?: unknown }>(change: T): Omit<T, 'seq'> {
  const copy = { ...change };
  delete copy.seq;
  return copy;
}
