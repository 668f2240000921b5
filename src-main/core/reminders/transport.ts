import type { ReminderConfig } from './settings';

/** A message ready to go: what the email or the SMS webhook receives. */
export interface OutgoingReminder {
  reminderId: string;
  appointmentId: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends or throws an Error whose message says what went wrong (kept as the row's last error). */
export interface ReminderTransport {
  email(config: ReminderConfig, message: OutgoingReminder): Promise<void>;
  sms(config: ReminderConfig, message: OutgoingReminder): Promise<void>;
}

/** Nothing may hang the sweep: a dead server costs at most this long per message. */
const NETWORK_TIMEOUT_MS = 15_000;

export const networkTransport: ReminderTransport = {
  async email(config, message) {
    if (!config.smtp.host || !config.fromAddress) throw new Error('The email server or the from address is not set.');
    // Loaded at the first email, not at start: most desks never send one, and it costs start-up time.
    const { default: nodemailer } = await import('nodemailer');
    const transporter = nodemailer.createTransport({
      host: config.smtp.host,
      port: config.smtp.port,
      secure: config.smtp.secure,
      auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password ?? '' } : undefined,
      connectionTimeout: NETWORK_TIMEOUT_MS,
      greetingTimeout: NETWORK_TIMEOUT_MS,
      socketTimeout: NETWORK_TIMEOUT_MS,
    });
    try {
      await transporter.sendMail({
        from: { name: config.fromName ?? '', address: config.fromAddress },
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { 'X-Front-Desk-Reminder': message.reminderId },
      });
    } finally {
      transporter.close();
    }
  },

  async sms(config, message) {
    if (!config.smsWebhookUrl) throw new Error('The SMS webhook address is not set.');
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (config.smsAuthHeader) headers.Authorization = config.smsAuthHeader;
    const response = await fetch(config.smsWebhookUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        to: message.to,
        message: message.text,
        reminderId: message.reminderId,
        appointmentId: message.appointmentId,
      }),
      signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`The SMS webhook answered ${response.status}${body ? `: ${body}` : ''}`);
    }
  },
};
