import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { readForm, textField } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/auth/guard';
import { createClass, listClasses } from '$lib/server/classes';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	return { teacherName: teacher.name, classes: await listClasses(useApp(), teacher.id) };
};

export const actions: Actions = {
	createClass: async (event) => {
		const teacher = requireTeacher(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const name = textField(read.form, 'name');
		const result = await createClass(useApp(), teacher.id, name, serverNow());
		if (!result.ok) return fail(400, { message: result.message, name });
		redirect(303, `/teach/classes/${result.id}`);
	}
};
