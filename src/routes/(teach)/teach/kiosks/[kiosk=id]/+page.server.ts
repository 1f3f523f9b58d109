import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { parseKioskSettings, settingsInput } from '$lib/kiosk/settings';
import { formatTime } from '$lib/teach/time';
import { kioskState } from '$lib/kiosk/heartbeat';
import { useApp } from '$lib/server/app';
import { readForm, textField } from '$lib/server/forms';
import { requireTeacher } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { showAddressOnce, takeAddress } from '$lib/server/kiosk-address';
import { deleteEntry, todaysBoard } from '$lib/server/kiosk-leaderboard';
import {
	EMPTY_POOL,
	deleteKiosk,
	findOwnKiosk,
	kioskPoolSize,
	kioskPool,
	renewKioskUrl,
	revokeKiosk,
	updateKiosk
} from '$lib/server/kiosks';
import { articleChoices, quizChoices } from '../quiz-choices';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';
import { servedOverHttps, studentAddressFor } from '$lib/server/web/request-address';

const NOT_FOUND = 'There is no such kiosk among yours.';

/** The teacher's own kiosk, or a 404: another teacher's kiosk looks exactly like a missing one. */
async function ownKiosk(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const teacher = requireTeacher(event);
	const kiosk = await findOwnKiosk(useApp(), teacher.id, event.params.kiosk ?? '');
	if (!kiosk) error(404, NOT_FOUND);
	return kiosk;
}

export const load: PageServerLoad = async (event) => {
	const kiosk = await ownKiosk(event);
	const app = useApp();
	const entries = kiosk.leaderboard ? await todaysBoard(app, kiosk.id, serverNow(), null) : [];
	return {
		kiosk: {
			id: kiosk.id,
			title: kiosk.title,
			running: kiosk.revokedAt === null,
			seen: kioskState(kiosk, serverNow(), config.timeZone),
			revokedAt: kiosk.revokedAt && formatTime(kiosk.revokedAt, config.timeZone),
			poolSize: (await kioskPool(app, kiosk)).questionIds.length,
			settings: {
				title: kiosk.title,
				quizzes: kiosk.quizIds,
				roundSize: kiosk.roundSize,
				idleSeconds: kiosk.idleSeconds,
				leaderboard: kiosk.leaderboard,
				maxDifficulty: kiosk.maxDifficulty,
				questionTypes: kiosk.questionTypes,
				articles: kiosk.articleIds
			}
		},
		address: takeAddress(event.cookies, kiosk.id, studentAddressFor(event.url).origin),
		entries: entries.map((e, i) => ({
			id: e.id,
			place: i + 1,
			initials: e.initials,
			score: e.score,
			at: formatTime(e.createdAt, config.timeZone)
		})),
		quizzes: quizChoices(app),
		articles: await articleChoices(app, kiosk.teacherId)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const kiosk = await ownKiosk(event);
		const app = useApp();
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const form = read.form;
		const own = await articleChoices(app, kiosk.teacherId);
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
		if ((await kioskPoolSize(app, kiosk.teacherId, result.settings)) === 0)
			return fail(400, {
				message: EMPTY_POOL,
				field: 'questionTypes',
				values: settingsInput(form)
			});
		await updateKiosk(app, kiosk.id, result.settings);
		return { saved: true };
	},
	deleteEntry: async (event) => {
		const kiosk = await ownKiosk(event);
		const read = await readForm(event.request);
		if (!read.ok) return read.failure;
		const deleted = await deleteEntry(useApp(), kiosk.id, textField(read.form, 'entry'));
		// Already gone (a second click, another tab) is what was wanted: no error for that.
		return { removed: deleted };
	},
	revoke: async (event) => {
		const kiosk = await ownKiosk(event);
		await revokeKiosk(useApp(), kiosk.id, serverNow());
		return { revoked: true };
	},
	renew: async (event) => {
		const kiosk = await ownKiosk(event);
		const token = await renewKioskUrl(useApp(), kiosk.id);
		showAddressOnce(event.cookies, kiosk.id, token, servedOverHttps(event.url));
		redirect(303, `/teach/kiosks/${kiosk.id}`);
	},
	delete: async (event) => {
		const kiosk = await ownKiosk(event);
		await deleteKiosk(useApp(), kiosk.id);
		redirect(303, '/teach/kiosks');
	}
};
