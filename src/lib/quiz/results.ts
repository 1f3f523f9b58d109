import type { Skill } from '$lib/bank/vocabulary';

export interface SkillResult {
	skill: Skill;
	questions: number;
	/** Share of the skill's questions answered right, partial credit included, 0–100. */
	percent: number;
}

export interface ResultSummary {
	score: number;
	questions: number;
	fullyRight: number;
	/** Share of all questions answered right, partial credit included, 0–100. */
	percent: number;
	skills: SkillResult[];
	/** The skill to practise next: the lowest share, fewer questions breaking ties; none when all are perfect. */
	weakest: Skill | null;
}

export function summarizeResults(
	answers: readonly { skill: Skill; credit: number; points: number }[],
	/** The play's length: questions never reached (time ran out) count as not right. */
	outOf = answers.length
): ResultSummary {
	const bySkill = new Map<Skill, { questions: number; credit: number }>();
	for (const a of answers) {
		const s = bySkill.get(a.skill) ?? { questions: 0, credit: 0 };
		s.questions++;
		s.credit += a.credit;
		bySkill.set(a.skill, s);
	}
	const skills = [...bySkill.entries()]
		.map(([skill, s]) => ({
			skill,
			questions: s.questions,
			percent: Math.round((100 * s.credit) / s.questions)
		}))
		.sort(
			(a, b) => a.percent - b.percent || a.questions - b.questions || a.skill.localeCompare(b.skill)
		);
	const credit = answers.reduce((sum, a) => sum + a.credit, 0);
	return {
		score: answers.reduce((sum, a) => sum + a.points, 0),
		questions: Math.max(outOf, answers.length),
		fullyRight: answers.filter((a) => a.credit >= 1).length,
		percent: Math.max(outOf, answers.length)
			? Math.round((100 * credit) / Math.max(outOf, answers.length))
			: 0,
		skills,
		weakest: skills.length > 0 && skills[0].percent < 100 ? skills[0].skill : null
	};
}
