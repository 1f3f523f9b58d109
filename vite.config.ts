import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { loadBank } from './src/lib/server/bank/load.ts';
import { formatProblems } from './src/lib/bank/problems.ts';

/** A broken question bank stops the build with the same messages as `npm run questions:check`. */
function questionBank(): Plugin {
	return {
		name: 'byline-question-bank',
		apply: 'build',
		buildStart() {
			const result = loadBank('questions');
			if (!result.ok) this.error(formatProblems(result.problems));
		}
	};
}

export default defineConfig({
	plugins: [questionBank(), sveltekit()],
	build: {
		// The plugin-timing report is noise on a two-core build machine.
		rolldownOptions: { checks: { pluginTimings: false } }
	},

	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.test.ts'],
		globalSetup: ['src/lib/server/db/test-databases.setup.ts'],
		environment: 'node'
	}
});
