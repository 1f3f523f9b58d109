import type { SubmitFunction } from '@sveltejs/kit';

/** `use:enhance` callback that reports while a form is in flight, so its button can be disabled. */
export function whileSubmitting(onChange: (busy: boolean) => void): SubmitFunction {
	return () => {
		onChange(true);
		return async ({ update }) => {
			await update();
			onChange(false);
		};
	};
}

/**
 * The same for a form that edits something in place: the fields keep what was saved instead of
 * being reset to the values the page was first rendered with.
 */
export function whileSaving(onChange: (busy: boolean) => void): SubmitFunction {
	return () => {
		onChange(true);
		return async ({ update }) => {
			await update({ reset: false });
			onChange(false);
		};
	};
}
