// Started first: the bundles below are added to the instance `./index.ts` initialises.
import './index';
import { addCatalogue } from './languages';
import { screensCatalogue } from './screens-catalogue';

/**
 * Imported for its effect by every chunk that shows a screen behind sign-in (the frame, set-up,
 * recovery) and by the component tests: adds those screens' English to the instance `./index.ts`
 * started with sign-in's alone, before anything of the chunk renders.
 */
addCatalogue('en', screensCatalogue);
