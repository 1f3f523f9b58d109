import { randomBytes } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import type { Question } from '$lib/bank/schema';
import { SKILL_NAMES } from '$lib/quiz/catalogue';
import { seededRandom, shuffled } from '$lib/quiz/random';
import { roundPath } from '$lib/kiosk/paths';
import { suitsAttractScreen } from '$lib/kiosk/preview';
import { useApp } from '$lib/server/app';
import { countKioskRound } from '$lib/server/caps';
import { boardVersion, todaysBoard } from '$lib/server/kiosk-leaderboard';
import { requireKiosk } from '$lib/server/kiosk-screen';
import { kioskPool, startRound } from '$lib/server/kiosks';
import type { Actions, PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async ({ params, depends }) => {
	depends('kiosk:board');
	const app = useApp();
	const kiosk = await requireKiosk(params.token);
	const quiz = await kioskPool(app, kiosk);
	const preview = shuffled(quiz.questionIds, seededRandom(randomBytes(8).toString('hex')))
		.map((id) => app.bank.question.get(id))
		.filter((q): q is Question => q !== undefined && suitsAttractScreen(q))
		.slice(0, 6)
		.map((q) => ({ id: q.id, prompt: q.prompt, skill: SKILL_NAMES[q.skill] }));
	const board = kiosk.leaderboard ? await todaysBoard(app, kiosk.id, serverNow()) : [];
	return {
		round: { size: quiz.size, minutes: quiz.minutes },
		preview,
		best: board.slice(0, 3),
		boardVersion: boardVersion(board)
	};
};

export const actions: Actions = {
	start: async ({ params }) => {
		const kiosk = await requireKiosk(params.token);
		const cap = await countKioskRound(useApp(), kiosk.id, serverNow());
		if (!cap.ok) return fail(429, { message: cap.message });
		const playId = await startRound(useApp(), kiosk, serverNow());
		if (!playId)
			return fail(409, {
				message: 'This kiosk has no questions to ask yet. Ask a member of staff to choose some.'
			});
		redirect(303, roundPath(params.token, playId));
	}
};
