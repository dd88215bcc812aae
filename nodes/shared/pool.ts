/**
 * Bounded concurrency without timers or libraries (nodes may not use `setTimeout` or runtime
 * dependencies): N workers pull the next index from one shared counter until the list is done.
 */

export type TaskOutcome<R> =
	| { state: 'done'; value: R }
	| { state: 'failed'; error: unknown }
	// Not started because the deadline passed: the caller treats it as "not read this poll".
	| { state: 'skipped' };

/**
 * Runs `task` over `items` with at most `concurrency` at once and returns one outcome per item, in
 * the items' order. A failing task never stops the others. No task starts after `deadline` (ms since
 * the epoch), so a poll with many slow items ends within n8n's poll budget and leaves the rest for
 * the next poll.
 */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	concurrency: number,
	task: (item: T, index: number) => Promise<R>,
	deadline = Infinity,
): Promise<Array<TaskOutcome<R>>> {
	const outcomes: Array<TaskOutcome<R>> = items.map(() => ({ state: 'skipped' }));
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length && Date.now() < deadline) {
			const index = next++;
			try {
				outcomes[index] = { state: 'done', value: await task(items[index], index) };
			} catch (error) {
				// Kept, not swallowed: the caller reports it, retries the item next poll, and throws
				// when nothing at all could be read.
				outcomes[index] = { state: 'failed', error };
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}
