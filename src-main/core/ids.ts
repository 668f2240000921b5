import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Time-ordered ids: two offline desks never collide and rows sort by creation.
 *
 * uuid draws 16 random bytes through WebCrypto for every id, about 4 % of a check-in (which makes five
 * ids); here the bytes come from a pool filled 4 KiB at a time. Given its bytes, uuid no longer keeps
 * its own clock state, so the millisecond and the counter within it are kept here the way uuid keeps
 * them (RFC 9562 §6.2, method 1): ids made in the same millisecond still sort in the order made.
 */

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;
let lastMs = Number.NEGATIVE_INFINITY;
let counter = 0;

function randomBytes16(): Uint8Array {
  if (offset + 16 > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return bytes;
}

export function newId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // A random start within the millisecond, top bit clear so the counter has room to count up.
    counter = (((random[6] ?? 0) & 0x7f) << 24) | ((random[7] ?? 0) << 16) | ((random[8] ?? 0) << 8) | (random[9] ?? 0);
  } else {
    counter = (counter + 1) | 0;
    if (counter === 0) lastMs += 1;
  }
  return uuidv7({ random, msecs: lastMs, seq: counter });
}
