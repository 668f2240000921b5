import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids: two offline desks never collide and rows sort by creation. */
export function newId(): string {
  return uuidv7();
}
