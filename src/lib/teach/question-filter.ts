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

/** What a filter looks at: the bank's questions, or the summaries the assignment builder shows. */
export interface Filterable {
	articles: readonly string[];
	skill: string;
	difficulty: number;
	type: string;
}

export function filterQuestions<Q extends Filterable>(
	questions: readonly Q[],
	f: QuestionFilter
): Q[] {
	return questions.filter(
		(q) =>
			(!f.article || q.articles.includes(f.article)) &&
			(!f.skill || q.skill === f.skill) &&
			(!f.difficulty || q.difficulty === f.difficulty) &&
			(!f.type || q.type === f.type)
	);
}
