import { readablePageText } from './page-text';

/** A saved page may be big (inline styles, scripts); its readable text is checked separately. */
export const UPLOAD_LIMIT_BYTES = 400_000;

export type UploadedPage =
	| { ok: true; page: { text: string; title: string; original: string } | null }
	| { ok: false; status: 400 | 413 | 415; message: string };

/**
 * An uploaded `.html` or `.txt` file as text: HTML through Readability, text as it is. No file
 * (an empty file input) is not a problem; the pasted text is used instead.
 */
export async function readUploadedPage(file: FormDataEntryValue | null): Promise<UploadedPage> {
	if (!(file instanceof File) || file.size === 0) return { ok: true, page: null };
	const name = file.name.toLowerCase();
	const html = /\.html?$/.test(name);
	if (!html && !name.endsWith('.txt'))
		return {
			ok: false,
			status: 415,
			message: 'Upload a saved page as .html or .htm, or plain text as .txt.'
		};
	if (file.size > UPLOAD_LIMIT_BYTES)
		return {
			ok: false,
			status: 413,
			message: `The file is ${Math.ceil(file.size / 1000)} KB; upload at most ${UPLOAD_LIMIT_BYTES / 1000} KB, or paste the article’s text instead.`
		};
	const original = await file.text();
	if (!html) return { ok: true, page: { text: original, title: '', original } };
	const page = readablePageText(original);
	if (!page.text)
		return {
			ok: false,
			status: 400,
			message: 'No readable text was found in that page; paste the text instead.'
		};
	return { ok: true, page: { ...page, original } };
}
