import { fail, redirect } from '@sveltejs/kit';
import { readArticleForm } from '$lib/teach/authored-article';
import { useApp } from '$lib/server/app';
import { addArticle, listOwnArticles } from '$lib/server/authored';
import { requireTeacher } from '$lib/server/auth/guard';
import { serverNow } from '$lib/server/clock';
import { readForm, textField } from '$lib/server/forms';
import { readUploadedPage } from '$lib/server/uploaded-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	return { articles: await listOwnArticles(useApp(), teacher.id) };
};

const FIELDS = ['headline', 'outlet', 'author', 'published', 'url', 'kind', 'body'];

export const actions: Actions = {
	add: async (event) => {
		const teacher = requireTeacher(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const values = Object.fromEntries(FIELDS.map((k) => [k, textField(read.form, k)]));
		// What the form shows again on a problem: never the whole pasted page back in a 400.
		const kept = { ...values, body: values.body.slice(0, 70_000) };
		const upload = await readUploadedPage(read.form.get('file'));
		if (!upload.ok) return fail(upload.status, { message: upload.message, values: kept });
		if (upload.page) {
			values.body = upload.page.text;
			values.headline ||= upload.page.title;
		}
		const checked = readArticleForm(values);
		if (!checked.ok) return fail(400, { message: checked.message, values: kept });
		const id = await addArticle(
			useApp(),
			teacher.id,
			{ ...checked.value, original: upload.page?.original ?? null },
			serverNow()
		);
		redirect(303, `/teach/articles/${id}`);
	}
};
