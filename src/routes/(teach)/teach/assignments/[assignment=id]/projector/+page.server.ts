import { joinQrSvg } from '$lib/server/join-link';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import { displayJoinCode } from '$lib/teach/join-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const a = await requireOwnAssignment(event);
	const joinUrl = `${event.url.origin}/join/${a.join_code}`;
	return {
		id: a.id,
		title: a.title,
		joinCode: displayJoinCode(a.join_code),
		joinUrl,
		qr: await joinQrSvg(joinUrl)
	};
};
