import { deserialize } from '$app/forms';
import type { EditorNote } from '$lib/teach/question-editor';

export interface CheckResult {
	problems: EditorNote[];
	warnings: EditorNote[];
}

const isNotes = (v: unknown): v is EditorNote[] => Array.isArray(v);

/**
 * The editor's checks while the teacher types: the form's data goes to the page's `check` action
 * (the same rules as saving, nothing stored) once typing pauses. Only the newest answer counts.
 */
export class LiveCheck {
	result: CheckResult | null = $state(null);
	/** `waiting` from the first change until the newest check has answered; then `done`. */
	state: 'idle' | 'waiting' | 'done' = $state('idle');
	#timer: ReturnType<typeof setTimeout> | undefined;
	#round = 0;

	constructor(
		private readonly action: () => string,
		private readonly pause = 400
	) {}

	schedule(form: HTMLFormElement): void {
		clearTimeout(this.#timer);
		const round = ++this.#round;
		this.state = 'waiting';
		this.#timer = setTimeout(() => void this.#run(form, round), this.pause);
	}

	/** A save or a full check is on its way: its answer replaces whatever the live check showed. */
	cancel(): void {
		clearTimeout(this.#timer);
		this.#round++;
		this.result = null;
		this.state = 'idle';
	}

	async #run(form: HTMLFormElement, round: number): Promise<void> {
		try {
			const response = await fetch(this.action(), {
				method: 'POST',
				body: new FormData(form),
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			const answer = deserialize(await response.text());
			if (round !== this.#round) return;
			if (
				answer.type === 'success' &&
				isNotes(answer.data?.problems) &&
				isNotes(answer.data?.warnings)
			)
				this.result = { problems: answer.data.problems, warnings: answer.data.warnings };
		} catch {
			// Offline or signed out: the form's own buttons still check on the server.
		}
		if (round === this.#round) this.state = 'done';
	}
}
