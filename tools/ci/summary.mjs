// Prints per-package test counts from each packages/*/.vitest-report.json
// (vitest's JSON reporter, set in vitest.shared.ts) and, as its last line,
// `N passed, N failed` (`, N skipped` when tests were skipped or todo), the
// line CI reads. Exits 1 when a test failed, a test file failed to run, or a
// package with test files has no report (each of these counts as failed).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPORT = '.vitest-report.json';

/** Whether a package has files that vitest.shared.ts's `include` picks up. */
function hasTestFiles(dir) {
  const walk = (d) =>
    existsSync(d) &&
    readdirSync(d, { withFileTypes: true }).some((entry) =>
      entry.isDirectory()
        ? entry.name !== 'node_modules' && walk(join(d, entry.name))
        : entry.name.endsWith('.test.ts'),
    );
  return walk(join(dir, 'src')) || walk(join(dir, 'test'));
}

/** Counts from one report; a test file that failed outside any test counts as one failure. */
function countReport(report) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  for (const file of report.testResults ?? []) {
    let failedHere = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') {
        counts.failed += 1;
        failedHere += 1;
        failures.push(`${relative(root, file.name)} > ${test.fullName}`);
      } else counts.skipped += 1;
    }
    if (file.status === 'failed' && failedHere === 0) {
      counts.failed += 1;
      failures.push(`${relative(root, file.name)}: ${(file.message || 'failed to run').split('\n')[0]}`);
    }
  }
  if (report.success === false && counts.failed === 0) {
    counts.failed += 1;
    failures.push('the run did not succeed (see its output)');
  }
  return { counts, failures };
}

const closingLine = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

const total = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const rows = [];
const packagesDir = join(root, 'packages');
for (const entry of readdirSync(packagesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
  const dir = join(packagesDir, entry.name);
  if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name ?? entry.name;
  const reportPath = join(dir, REPORT);
  if (!existsSync(reportPath)) {
    if (hasTestFiles(dir)) {
      rows.push([name, 'no report (counted as 1 failed)']);
      total.failed += 1;
      problems.push(`${name}: has test files but no ${REPORT} (its tests did not run to the end)`);
    }
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (error) {
    rows.push([name, 'unreadable report (counted as 1 failed)']);
    total.failed += 1;
    problems.push(`${name}: cannot read ${REPORT}: ${error.message}`);
    continue;
  }
  const { counts, failures } = countReport(report);
  for (const key of Object.keys(total)) total[key] += counts[key];
  problems.push(...failures.map((f) => `${name}: FAIL ${f}`));
  const ran = counts.passed + counts.failed + counts.skipped;
  rows.push([name, ran === 0 ? 'no tests' : closingLine(counts)]);
}

const width = Math.max(0, ...rows.map(([name]) => name.length));
console.log('Test summary');
for (const [name, text] of rows) console.log(`  ${name.padEnd(width)}  ${text}`);
const SHOWN = 40;
if (problems.length > 0) {
  console.log('');
  for (const problem of problems.slice(0, SHOWN)) console.log(problem);
  if (problems.length > SHOWN) console.log(`... and ${problems.length - SHOWN} more (see the test output above)`);
}
console.log(closingLine(total));
process.exitCode = total.failed > 0 ? 1 : 0;
