// Prints the plain closing line CI reads: "N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

const report = /** @type {{ numPassedTests: number, numFailedTests: number, numPendingTests?: number, numTodoTests?: number }} */ (
  JSON.parse(readFileSync(process.argv[2] ?? 'test-results/vitest.json', 'utf8'))
);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
