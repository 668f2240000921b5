/**
 * Electron's IPC hands main an already cloned value, not text, so "refuse a body over the limit before
 * parsing" becomes: measure the value as its JSON would be, stopping as soon as it passes the limit or
 * nests deeper than any procedure's input does. Pure (no electron), so it is unit tested.
 */
export const MAX_INPUT_DEPTH = 32;

export function fitsWithin(value: unknown, limitBytes: number, maxDepth = MAX_INPUT_DEPTH): boolean {
  let size = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number };
    const item = next.value;
    if (typeof item === 'string') size += item.length + 2;
    else if (item === null || typeof item !== 'object') size += 8;
    else {
      if (next.depth >= maxDepth) return false;
      size += 2;
      if (Array.isArray(item)) {
        // Each element costs at least a byte: a huge array is refused before it is walked.
        size += item.length;
        if (size > limitBytes) return false;
        for (const element of item as unknown[]) stack.push({ value: element, depth: next.depth + 1 });
      } else {
        for (const [key, element] of Object.entries(item)) {
          size += key.length + 4;
          stack.push({ value: element, depth: next.depth + 1 });
        }
      }
    }
    if (size > limitBytes) return false;
  }
  return true;
}
