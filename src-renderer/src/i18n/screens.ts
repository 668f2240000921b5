import { i18next } from './index';
import { screensCatalogue } from './screens-catalogue';

/**
 * Imported for its effect by every chunk that shows a screen behind sign-in (the frame, set-up,
 * recovery) and by the component tests: adds those screens' English to the instance `./index.ts`
 * started with sign-in's alone, before anything of the chunk renders.
 */
for (const [namespace, bundle] of Object.entries(screensCatalogue)) {
  i18next.addResourceBundle('en', namespace, bundle, true, true);
}
