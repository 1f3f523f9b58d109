interface Waiting<In, Out> {
	input: In;
	resolve: (value: Out) => void;
	reject: (reason: unknown) => void;
}

/**
 * Calls that arrive in the same turn of the event loop are answered together: `run` gets all of
 * their inputs at once (one statement, one round trip, one commit) and returns one output per
 * input, in order. A class answering at the same moment is then a few statements, not one per
 * student. More calls than `maxBatch` are split, the rest going in the next turn, so the first
 * callers of a huge burst are answered soon. If `run` fails, every call of that batch fails with
 * its error.
 */
export class TickBatch<In, Out> {
	private waiting: Waiting<In, Out>[] = [];
	private scheduled = false;
	/** How many batches have been run, for tests. */
	batches = 0;

	constructor(
		private readonly run: (inputs: In[]) => Promise<Out[]>,
		/** The most inputs in one batch, so one statement stays a reasonable size. */
		private readonly maxBatch = 500
	) {}

	add(input: In): Promise<Out> {
		return new Promise<Out>((resolve, reject) => {
			this.waiting.push({ input, resolve, reject });
			this.schedule();
		});
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		// setImmediate: after the requests already read from the network have added theirs.
		setImmediate(() => this.flush());
	}

	private flush(): void {
		this.scheduled = false;
		const batch = this.waiting.splice(0, this.maxBatch);
		if (this.waiting.length > 0) this.schedule();
		void this.runBatch(batch);
	}

	private async runBatch(batch: Waiting<In, Out>[]): Promise<void> {
		this.batches++;
		try {
			const outputs = await this.run(batch.map((call) => call.input));
			batch.forEach((call, i) => call.resolve(outputs[i]));
		} catch (error) {
			for (const call of batch) call.reject(error);
		}
	}
}
