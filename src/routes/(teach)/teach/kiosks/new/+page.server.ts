import { fail, redirect } from '@sveltejs/kit';
import { parseKioskSettings, settingsInput } from '$lib/kiosk/settings';
import { useApp } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/auth/guard';
import { showAddressOnce } from '$lib/server/kiosk-address';
import { EMPTY_POOL, createKiosk, kioskPoolSize } from '$lib/server/kiosks';
import { articleChoices, quizChoices } from '../quiz-choices';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps } from '$lib/server/web/request-address';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const app = useApp();
	return { quizzes: quizChoices(app), articles: await articleChoices(app, teacher.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const teacher = requireTeacher(event);
		const app = useApp();
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const form = read.form;
		const own = await articleChoices(app, teacher.id);
		const result = parseKioskSettings(
			form,
			[...app.bank.quiz.keys()],
			own.map((a) => a.id)
		);
		if (!result.ok)
			return fail(400, {
				message: result.message,
				field: result.field,
				values: settingsInput(form)
			});
		if ((await kioskPoolSize(app, teacher.id, result.settings)) === 0)
			return fail(400, {
				message: EMPTY_POOL,
				field: 'questionTypes',
				values: settingsInput(form)
			});
		const { id, token } = await createKiosk(app, teacher.id, result.settings, serverNow());
		showAddressOnce(event.cookies, id, token, servedOverHttps(event.url));
		redirect(303, `/teach/kiosks/${id}`);
	}
};
