import 'i18next';
import type { defaultNS, en } from './resources';

// Keys are checked by the compiler: `t('billing:invoice.issue')` with no such entry fails `npm run typecheck`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: typeof en;
  }
}
