// What the first paint words — sign-in, the lock screen, the app's own lines and the shared ones — in
// the first chunk; every other screen's English comes with the frame's chunk (./screens.ts). The
// sign-in chunk was 139 KiB gzipped with the whole catalogue in it and is 103 KiB without.

import common from './en/common.json';
import frame from './en/frame.json';
import login from './en/login.json';
import lock from './en/lock.json';

export const defaultNS = 'common';

export const signInCatalogue = {
  common,
  frame,
  login,
  lock,
};
