import { convergenceSuite } from './convergence-suite';

convergenceSuite('second', 'tests/sync/convergence-second-half.test.ts');
