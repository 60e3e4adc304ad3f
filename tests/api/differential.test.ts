// Differential test of the read path: random documents answered by the API over HTTP and by the slow reference
// executor in tests/reference/ must agree. 100 documents here; SOAK=1 (npm run soak) runs 1,000, DIFF_RUNS sets any.
import { sizeFromEnv } from '../reliability/helpers';
import { differentialSuite } from '../reference/differential';

differentialSuite(sizeFromEnv('DIFF_RUNS', 100, 1000));
