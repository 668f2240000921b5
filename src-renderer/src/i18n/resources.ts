// The English catalogue: one file per screen folder (namespace), so a translator works file by file and
// a second language is a folder of the same files beside `en/`.

import { signInCatalogue } from './sign-in-catalogue';
import { screensCatalogue } from './screens-catalogue';

export { defaultNS } from './sign-in-catalogue';

/** The whole English catalogue: what the keys are typed against (./i18next.d.ts). */
export const en = { ...signInCatalogue, ...screensCatalogue };

export const resources = { en } as const;

export type Namespace = keyof typeof en;
