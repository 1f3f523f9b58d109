import type { LayoutServerLoad } from './$types';

// Only for the header; every page and action still checks the teacher itself (requireTeacher).
export const load: LayoutServerLoad = ({ locals }) => ({
	teacher: locals.teacher ? { name: locals.teacher.name } : null
});
