// The filter engine's cost in the browser: the workload of tests/bench/filter.ts, on the real
// FETAL_PLANES_DB rows built into this page.
import csvText from '../../fixtures/FETAL_PLANES_DB_data.csv?raw';
import { prepareFilterWorkload, runFilterChanges } from '../filterWorkload.ts';
import './page.ts';

window.coreBench = {
  async run(copies, changes) {
    const workload = prepareFilterWorkload(csvText, copies);
    const timings = runFilterChanges(workload, changes);
    return { images: workload.images, durations: timings.map((timing) => timing.total) };
  },
};
window.benchReady = true;
