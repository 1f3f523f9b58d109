import type { Question } from '$lib/bank/schema';

export interface QuestionFilter {
	article?: string;
	skill?: string;
	difficulty?: number;
	type?: string;
}

export function readFilter(params: URLSearchParams): QuestionFilter {
	const difficulty = Number(params.get('difficulty'));
	return {
		article: params.get('article') || undefined,
		skill: params.get('skill') || undefined,
		difficulty: [1, 2, 3].includes(difficulty) ? difficulty : undefined,
		type: params.get('type') || undefined
	};
}

export function filterQuestions(questions: readonly Question[], f: QuestionFilter): Question[] {
	return questions.filter(
		(q) =>
			(!f.article || q.articles.includes(f.article)) &&
			(!f.skill || q.skill === f.skill) &&
			(!f.difficulty || q.difficulty === f.difficulty) &&
			(!f.type || q.type === f.type)
	);
}
