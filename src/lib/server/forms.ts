import { fail, type ActionFailure } from '@sveltejs/kit';

/**
 * `unreadable` keeps this failure's type distinct: were it only `{ message }`, TypeScript would
 * fold an action's other failures (`{ message, email }`) into it and the page would lose their fields.
 */
export type FormProblem = ActionFailure<{ message: string; unreadable: true }>;
export type FormRead = { ok: true; form: FormData } | { ok: false; failure: FormProblem };

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const NOT_A_FORM =
	'This page takes a form sent from Byline’s own page (form data), not another kind of body.';
export const UNREADABLE_FORM =
	'The form could not be read. Reload the page and send it again from there.';

/**
 * The one place an action reads a posted form. A body that is not form data (SvelteKit also
 * lets `text/plain` through to actions) is a 415, a broken one a 400, both with a message the
 * page can show; never an exception.
 */
export async function readForm(request: Request): Promise<FormRead> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	if (!type || !FORM_TYPES.includes(type))
		return { ok: false, failure: fail(415, { message: NOT_A_FORM, unreadable: true as const }) };
	try {
		return { ok: true, form: await request.formData() };
	} catch {
		return {
			ok: false,
			failure: fail(400, { message: UNREADABLE_FORM, unreadable: true as const })
		};
	}
}

/** A text field's value; '' when it is missing or is a file. */
export function textField(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Every text value of a repeated field (check boxes), files left out. */
export function textFields(form: FormData, name: string): string[] {
	return form.getAll(name).filter((v): v is string => typeof v === 'string');
}
