// npm test: every test runner in turn (unit tests, then a production build and the browser tests),
// each run even if an earlier one failed, then one line that sums them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'test-results/reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const run = (command, args, env = {}) =>
	spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const unitStatus = run('npx', [
	'vitest',
	'--run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${reports}/unit.json`
]);
const buildStatus = run('npx', ['vite', 'build', '--logLevel', 'warn']);
const e2eStatus =
	buildStatus === 0
		? run('npx', ['playwright', 'test', '--reporter=list,json'], {
				PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`
			})
		: 1;

function readJson(file) {
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const unit = readJson(`${reports}/unit.json`);
if (unit) {
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
	skipped += unit.numPendingTests + unit.numTodoTests;
} else failed += 1;
const e2e = readJson(`${reports}/e2e.json`);
if (e2e) {
	passed += e2e.stats.expected + e2e.stats.flaky;
	failed += e2e.stats.unexpected;
	skipped += e2e.stats.skipped;
} else failed += 1;
// A runner that failed without reporting a failed test (it crashed, or could not start) counts too.
if (unitStatus !== 0 && unit && unit.numFailedTests === 0) failed += 1;
if (e2eStatus !== 0 && e2e && e2e.stats.unexpected === 0) failed += 1;
if (buildStatus !== 0)
	console.error('The production build failed, so the browser tests did not run.');

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitStatus === 0 && buildStatus === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
