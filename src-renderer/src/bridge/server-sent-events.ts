/**
 * Reads a server-sent event stream and hands each event's data to `onData`. Written here rather than
 * taken from a library because browser mode's host is ours and sends only `data:` lines and comments;
 * what this reads is exactly what `src-main/web/server.ts` writes. Resolves when the stream ends.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end = buffered.indexOf('\n\n');
    while (end !== -1) {
      const data = eventData(buffered.slice(0, end));
      if (data !== null) onData(data);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
    }
  }
}

/** The data of one event (its `data:` lines joined), or null for a comment such as the heartbeat. */
export function eventData(block: string): string | null {
  const lines = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
  return lines.length > 0 ? lines.join('\n') : null;
}
