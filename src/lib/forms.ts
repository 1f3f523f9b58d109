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
