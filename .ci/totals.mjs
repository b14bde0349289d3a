// Prints `N passed, N failed` over the vitest and Playwright JSON reports given as arguments.
// A report that is missing counts as one failure: a suite that did not run has not passed.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`totals: no report at ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats !== undefined) {
    // Playwright: expected = passed, unexpected = failed, flaky passed on retry.
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    if (report.errors?.length > 0) failed += report.errors.length;
  } else {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0) {
      failed += 1;
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
