import { contextBridge, ipcRenderer } from 'electron';
import { PASSPHRASE_SUBMIT_CHANNEL, type PassphraseReply } from '../src-shared/ipc-channels';

/** The passphrase window's preload: one function, `frontDesk.submit`, and nothing else. */
contextBridge.exposeInMainWorld('frontDesk', {
  submit: (passphrase: unknown, confirmation?: unknown): Promise<PassphraseReply> => {
    if (typeof passphrase !== 'string' || (confirmation !== undefined && typeof confirmation !== 'string')) {
      return Promise.resolve({ ok: false, message: 'Type the clinic passphrase.' });
    }
    return ipcRenderer.invoke(PASSPHRASE_SUBMIT_CHANNEL, passphrase, confirmation) as Promise<PassphraseReply>;
  },
});
