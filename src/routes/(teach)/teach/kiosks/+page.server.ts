import { useApp } from '$lib/server/app';
import { requireTeacher } from '$lib/server/auth/guard';
import { todaysBoard } from '$lib/server/kiosk-leaderboard';
import { listKiosks } from '$lib/server/kiosks';
import { config } from '$lib/server/config';
import { kioskState } from '$lib/kiosk/heartbeat';
import type { PageServerLoad } from './$types';
import { serverNow } from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const app = useApp();
	const now = serverNow();
	const kiosks = await listKiosks(app, teacher.id);
	return {
		kiosks: await Promise.all(
			kiosks.map(async (k) => ({
				id: k.id,
				title: k.title,
				state: kioskState(k, now, config.timeZone),
				roundSize: k.roundSize,
				idleSeconds: k.idleSeconds,
				leaderboard: k.leaderboard,
				scoresToday: k.leaderboard ? (await todaysBoard(app, k.id, now, null)).length : 0
			}))
		)
	};
};
