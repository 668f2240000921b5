import { convergenceSuite } from './convergence-suite';

convergenceSuite('first', 'tests/sync/convergence.test.ts');
