import { useApp } from '$lib/server/app';
import { joinedNames } from '$lib/server/students';
import { joinQrSvg } from '$lib/server/join-link';
import { studentAddressFor } from '$lib/server/web/request-address';
import { requireOwnAssignment } from '$lib/server/teacher-assignment';
import { displayJoinCode } from '$lib/teach/join-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const a = await requireOwnAssignment(event);
	event.depends('byline:projector');
	const students = studentAddressFor(event.url);
	const joinUrl = `${students.origin}/join/${a.join_code}`;
	return {
		id: a.id,
		title: a.title,
		joinCode: displayJoinCode(a.join_code),
		joinUrl,
		sameNetworkNote: students.swappedLoopback,
		joined: await joinedNames(useApp(), a.id),
		qr: await joinQrSvg(joinUrl)
	};
};
