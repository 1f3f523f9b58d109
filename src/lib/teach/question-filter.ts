export interface QuestionFilter {
	article?: string;
	skill?: string;
	difficulty?: number;
	type?: string;
	/** 'own': only the teacher's own questions, which never appear in free practice. */
	origin?: 'own' | 'bank';
}

export function readFilter(params: URLSearchParams): QuestionFilter {
	const difficulty = Number(params.get('difficulty'));
	return {
		article: params.get('article') || undefined,
		skill: params.get('skill') || undefined,
		difficulty: [1, 2, 3].includes(difficulty) ? difficulty : undefined,
		type: params.get('type') || undefined,
		origin:
			params.get('origin') === 'own' ? 'own' : params.get('origin') === 'bank' ? 'bank' : undefined
	};
}

/** What a filter looks at: the bank's questions, or the summaries the assignment builder shows. */
export interface Filterable {
	articles: readonly string[];
	skill: string;
	difficulty: number;
	type: string;
	/** A teacher's own question (the bank's have no flag). */
	own?: boolean;
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
			(!f.type || q.type === f.type) &&
			(!f.origin || (f.origin === 'own') === (q.own === true))
	);
}
