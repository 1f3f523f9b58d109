import { defineConfig, devices } from '@playwright/test';
import { testPort } from './tests/support/ports';

/** The shared server for most tests; tests that restart a server start their own. */
export const PORT = testPort(17);
const url = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results/playwright',
	// Files run side by side; the tests in one file run in order. Every file that needs a server of
	// its own starts it on a port of its own, and the shared server's data is never shared between
	// tests (each signs up its own teacher).
	fullyParallel: false,
	workers: Number(process.env.BYLINE_TEST_WORKERS) || 2,
	retries: 0,
	// Generous, for a busy 2-core machine: every wait is for a state, so a slow machine only waits longer.
	timeout: 120_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	webServer: {
		// A fresh SQLite file every run; `npm test` builds the app first.
		command: 'rm -rf test-results/db/shared && node build',
		url,
		reuseExistingServer: false,
		timeout: 30_000,
		env: {
			// The PostgreSQL half of `npm test` names a fresh database here.
			BYLINE_DATABASE: process.env.BYLINE_E2E_SHARED_DATABASE || 'test-results/db/shared/byline.db',
			HOST: '127.0.0.1',
			PORT: String(PORT),
			ORIGIN: url,
			BYLINE_PASSWORD_HASH_COST: '12'
		}
	},
	use: {
		...devices['Desktop Chrome'],
		baseURL: url,
		launchOptions: {
			// Debian's Chromium: Playwright cannot download its own browser on these machines.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
