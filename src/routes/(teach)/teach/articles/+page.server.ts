import { fail, redirect } from '@sveltejs/kit';
import { readArticleForm } from '$lib/teach/authored-article';
import { useApp } from '$lib/server/app';
import { addArticle, importCheckedSet, listOwnArticles } from '$lib/server/authored';
import { checkSet, SET_LIMITS } from '$lib/server/bank/set-import';
import { requireTeacher } from '$lib/server/auth/guard';
import { serverNow } from '$lib/server/clock';
import { readForm, textField } from '$lib/server/forms';
import { listSharedSets } from '$lib/server/shared-sets';
import { readUploadedPage } from '$lib/server/uploaded-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	return {
		articles: await listOwnArticles(useApp(), teacher.id),
		shared: await listSharedSets(useApp(), teacher.id),
		deleted: event.url.searchParams.get('deleted') === '1'
	};
};

/** YAML keeps its indentation; only invisible characters (other than line breaks and tabs) go. */
const withoutControls = (text: string) => text.replace(/[^\P{Cc}\n\r\t]|\p{Cf}|\p{Cs}/gu, '');

const FIELDS = ['headline', 'outlet', 'author', 'published', 'url', 'kind', 'body'];

export const actions: Actions = {
	/** A set in the bank's format (page, metadata, questions), checked by the bank's own checker. */
	import: async (event) => {
		const teacher = requireTeacher(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const uploads = read.form
			.getAll('set')
			.filter((f): f is File => f instanceof File && f.size > 0);
		const size = uploads.reduce((sum, f) => sum + f.size, 0);
		if (uploads.length === 0)
			return fail(400, {
				importProblems: ['Choose the set’s files: one .txt and its .yaml files.']
			});
		if (uploads.length > SET_LIMITS.files || size > SET_LIMITS.bytes)
			return fail(413, {
				importProblems: [
					`A set is at most ${SET_LIMITS.files} files and ${SET_LIMITS.bytes / 1000} KB together.`
				]
			});
		if (uploads.some((f) => !/\.(txt|ya?ml)$/i.test(f.name)))
			return fail(415, { importProblems: ['A set holds only .txt and .yaml files.'] });
		const files = await Promise.all(
			uploads.map(async (f) => ({ name: f.name, text: withoutControls(await f.text()) }))
		);
		const checked = checkSet(files);
		if (!checked.ok) return fail(400, { importProblems: checked.problems });
		const id = await importCheckedSet(useApp(), teacher.id, checked, serverNow());
		redirect(303, `/teach/articles/${id}`);
	},

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
