import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// Byline is served from the site root (no `paths.base`), so plain paths are already resolved.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// The directions of travel: route → service → domain → store, and nothing flows back up.
	{
		files: ['src/lib/quiz/**', 'src/lib/teach/**', 'src/lib/kiosk/**', 'src/lib/bank/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server', '$lib/server/*', '**/server/*'],
							message: 'Domain code stays pure: it may not import server code.'
						},
						{
							group: ['node:*', 'kysely', 'better-sqlite3'],
							message: 'Domain code does no I/O: files and the store belong under $lib/server.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/db', '$lib/server/db/*', 'kysely', 'better-sqlite3'],
							message: 'Routes call services; only src/lib/server/db/ touches the store.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/**'],
		ignores: ['src/lib/server/db/**', '**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['kysely', 'better-sqlite3'],
							message: 'Every SQL statement lives in src/lib/server/db/: call a function there.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/db/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*', '!$lib/server/db', '!$lib/server/db/*'],
							message: 'The store is the bottom layer: it may not import services.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/db/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['../*'],
							message: 'The store is the bottom layer: it may not import services.'
						}
					]
				}
			]
		}
	},
	{
		// Query builders are called only in the store, never on a handle passed to a route or service.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/server/db/**', '**/*.test.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector:
						'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|transaction|prepare)$/]',
					message: 'Every SQL statement lives in src/lib/server/db/: call a function there.'
				}
			]
		}
	}
);
