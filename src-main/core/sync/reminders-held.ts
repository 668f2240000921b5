/**
 * Due reminders a connected desk is holding because the server could not be asked to claim them
 * (reminder-claims.ts notes each sweep's answer): shown in `sync.status` as `remindersHeld`. They stay
 * pending and go out from this desk once a claim is granted, or from another desk that can claim them.
 */
export class HeldReminders {
  #count = 0;

  constructor(private readonly changed: () => void) {}

  get count(): number {
    return this.#count;
  }

  /** The sweep's due batch went unclaimed (`count` of them), or 0: claimed, or nothing was due. */
  note(count: number): void {
    if (count === this.#count) return;
    this.#count = count;
    this.changed();
  }
}
