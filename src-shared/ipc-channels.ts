/**
 * The Electron IPC channel names, written once for main and the preloads. No electron import: this
 * file is shared and linted like the rest of src-shared.
 */

/** Renderer -> main: `invoke(name, input)`, answered with a `Result`. */
export const INVOKE_CHANNEL = 'clinic:invoke';
/** Renderer -> main: `openMeetingLink(appointmentId)`, answered with a `Result<null>`. */
export const OPEN_MEETING_LINK_CHANNEL = 'clinic:open-meeting-link';
/** Main -> renderer: one `{topic, payload}` per event. */
export const EVENT_CHANNEL = 'clinic:event';

/** Passphrase window -> main: `submit(passphrase, confirmation?)`, answered with a `PassphraseReply`. */
export const PASSPHRASE_SUBMIT_CHANNEL = 'front-desk:passphrase-submit';

export interface IpcEventMessage {
  topic: string;
  payload: unknown;
}

/** Passed to the passphrase page as `?mode=`: first run sets a passphrase, later runs ask for it. */
export type PassphraseFormMode = 'create' | 'unlock';

export type PassphraseReply = { ok: true } | { ok: false; message: string };
