import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the local SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and body, quoted-printable soft breaks and escapes undone. */
  text: string;
  user: string | null;
}

export interface LocalSmtp {
  port: number;
  messages: ReceivedMail[];
  /** While true, a message's data is read but never answered: the sender is stuck mid-send. */
  holding: boolean;
  /** How many messages are held unanswered. */
  held(): number;
  /** Answers every held message with an error (the connection failed before the message was taken). */
  dropHeld(): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port: plain SMTP (no STARTTLS, so no certificate),
 * accepting exactly the given login when one is given.
 */
export async function startSmtp(login?: { user: string; password: string }): Promise<LocalSmtp> {
  const messages: ReceivedMail[] = [];
  const held: ((error?: Error | null) => void)[] = [];
  const control = { holding: false };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', ...(login ? [] : ['AUTH'])],
    authOptional: !login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.password)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (control.holding) {
          held.push(callback);
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    get holding() {
      return control.holding;
    },
    set holding(value: boolean) {
      control.holding = value;
    },
    held: () => held.length,
    dropHeld: () => {
      for (const answer of held.splice(0)) answer(new Error('Connection lost before the message was taken'));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const answer of held.splice(0)) answer(new Error('Server closing'));
        server.close(() => resolve());
      }),
  };
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface WebhookRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface LocalWebhook {
  url: string;
  requests: WebhookRequest[];
  /** The status the endpoint answers with from now on. */
  status: number;
  close(): Promise<void>;
}

/** A node:http endpoint on 127.0.0.1 that records every request and answers with `status`. */
export async function startWebhook(status = 200): Promise<LocalWebhook> {
  const hook: LocalWebhook = { url: '', requests: [], status, close: async () => undefined };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // Recorded as text: the test then fails on the shape, saying what arrived.
      }
      hook.requests.push({ method: request.method ?? '', headers: request.headers, body });
      response
        .writeHead(hook.status, { 'Content-Type': 'text/plain' })
        .end(hook.status < 300 ? 'queued' : 'gateway down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  hook.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return hook;
}
