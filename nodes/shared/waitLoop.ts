import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { checkNumber } from './parameters';
import { mapWithConcurrency } from './pool';

/** One item that waits: `check` answers a value when the wait is over, undefined to keep waiting. */
export interface Waiter<T> {
	itemIndex: number;
	/** When this item stops waiting (ms since the epoch). */
	deadline: number;
	/** What the item waits on, as messages name it: `activation 5640086027`, `order 52608714`. */
	subject: string;
	check(): Promise<T | undefined>;
	/** Called once when the timeout passes; its value (or error) is the item's outcome. */
	onTimeout(): Promise<T>;
	/**
	 * Called once when the wait ends early because another item failed and Continue On Fail is off: ends
	 * it as its timeout would (a wait for a code cancels the activation where Cancel on Timeout says so)
	 * and says what became of it. Never throws: what went wrong is in the note.
	 */
	onStop(): Promise<Stopped<T>>;
}

/** What became of a wait that was stopped: a code that came in the meantime, or what happened instead. */
export type Stopped<T> = { value: T } | { value?: undefined; note: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** How a wait operation speaks of its items when one failure stops them all. */
export interface WaitReport<T> {
	/** The operation as the node panel names it: `Wait for Code`. */
	operation: string;
	/** What a finished item's value holds, e.g. `code 424242 (sent as FB-424242)`. */
	describe(value: T): string;
	/** Whether the value carries a code the user has not got anywhere else (not a timed-out item). */
	hasCode(value: T): boolean;
}

/** How many provider calls one round makes at the same time. */
const CONCURRENT_CHECKS = 5;

/** Poll Interval and Timeout limits, in seconds (README, "Reliability"). */
export const WAIT_LIMITS = { minInterval: 3, maxInterval: 300, minTimeout: 3, maxTimeout: 86_400 };

/**
 * Waits for many items at once: a round checks every pending item, so ten items take as long as the
 * slowest one, not the sum, and rounds start one interval apart (a slow answer shortens the pause after
 * it: checks keep the pace the user set and never come faster). Stops at the timeout, and at once when the
 * execution is cancelled (n8n's `sleep` rejects on the cancel signal). With `stopOnFailure`, the first
 * round in which an item fails ends every other wait (`onStop`), recorded in `stopped`.
 */
export async function waitForAll<T>(
	context: IExecuteFunctions,
	waiters: Array<Waiter<T>>,
	intervalMs: number,
	outcomes: Map<number, Outcome<T>> = new Map(),
	stopped?: Map<number, Stopped<T>>,
): Promise<Map<number, Outcome<T>>> {
	const settle = async (waiter: Waiter<T>, run: () => Promise<T | undefined>) => {
		try {
			const value = await run();
			if (value !== undefined) outcomes.set(waiter.itemIndex, { ok: true, value });
		} catch (error) {
			outcomes.set(waiter.itemIndex, { ok: false, error });
		}
	};
	const failed = () => [...outcomes.values()].some((outcome) => !outcome.ok);
	const stillPending = (list: Array<Waiter<T>>) => list.filter((waiter) => !outcomes.has(waiter.itemIndex));
	const signal = context.getExecutionCancelSignal();
	let pending = waiters;
	while (pending.length > 0) {
		const roundStart = Date.now();
		await mapWithConcurrency(pending, CONCURRENT_CHECKS, async (waiter) => await settle(waiter, waiter.check));
		if (stopped && failed()) return await stopAll(stillPending(pending), outcomes, stopped);
		const expired = stillPending(pending).filter((waiter) => waiter.deadline <= Date.now());
		await mapWithConcurrency(expired, CONCURRENT_CHECKS, async (waiter) => await settle(waiter, waiter.onTimeout));
		if (stopped && failed()) return await stopAll(stillPending(pending), outcomes, stopped);
		pending = stillPending(pending);
		if (pending.length === 0) break;
		const nearestDeadline = Math.min(...pending.map((waiter) => waiter.deadline));
		try {
			await sleep(Math.max(0, Math.min(roundStart + intervalMs, nearestDeadline) - Date.now()), signal);
		} catch {
			throw new NodeOperationError(context.getNode(), 'The execution was canceled while waiting for the SMS');
		}
		if (signal?.aborted) {
			throw new NodeOperationError(context.getNode(), 'The execution was canceled while waiting for the SMS');
		}
	}
	return outcomes;
}

/** Ends every wait still pending, as its timeout would, and records what became of each. */
async function stopAll<T>(
	pending: Array<Waiter<T>>,
	outcomes: Map<number, Outcome<T>>,
	stopped: Map<number, Stopped<T>>,
): Promise<Map<number, Outcome<T>>> {
	await mapWithConcurrency(pending, CONCURRENT_CHECKS, async (waiter) => {
		try {
			stopped.set(waiter.itemIndex, await waiter.onStop());
		} catch (error) {
			stopped.set(waiter.itemIndex, { note: `ending its wait failed: ${(error as Error).message}` });
		}
	});
	return outcomes;
}

/**
 * Reads each item's wait, then waits for them all, polling at the shortest interval any item asked for.
 *
 * Under Continue On Fail every item ends on its own: an item whose parameters are wrong, or whose wait
 * fails, becomes its error item while the others go on. Without it, the node is going to fail, and what
 * the other items already have must not be lost with it: the first failure ends every other wait at once,
 * as its timeout would (an activation is cancelled where Cancel on Timeout says so), and the node fails
 * with one error that names every item's activation or order and the code it already had.
 */
export async function waitForItems<T>(
	context: IExecuteFunctions,
	itemIndexes: number[],
	build: (itemIndex: number, startedAt: number) => { waiter: Waiter<T>; intervalMs: number },
	report: WaitReport<T>,
): Promise<Map<number, Outcome<T>>> {
	const outcomes = new Map<number, Outcome<T>>();
	const waiters: Array<Waiter<T>> = [];
	const startedAt = Date.now();
	let intervalMs = Infinity;
	for (const itemIndex of itemIndexes) {
		try {
			const built = build(itemIndex, startedAt);
			waiters.push(built.waiter);
			intervalMs = Math.min(intervalMs, built.intervalMs);
		} catch (error) {
			outcomes.set(itemIndex, { ok: false, error });
		}
	}
	// One item alone has nothing else to lose: its own error says everything.
	const stopOnFailure = itemIndexes.length > 1 && !context.continueOnFail();
	if (!stopOnFailure) return await waitForAll(context, waiters, intervalMs, outcomes);

	const stopped = new Map<number, Stopped<T>>();
	if (outcomes.size > 0) await stopAll(waiters, outcomes, stopped);
	else await waitForAll(context, waiters, intervalMs, outcomes, stopped);
	if ([...outcomes.values()].some((outcome) => !outcome.ok)) {
		throw stoppedError(context, itemIndexes, waiters, outcomes, stopped, report);
	}
	return outcomes;
}

/** The one error of a run in which an item failed and the other waits were stopped: every item, and its code. */
function stoppedError<T>(
	context: IExecuteFunctions,
	itemIndexes: number[],
	waiters: Array<Waiter<T>>,
	outcomes: Map<number, Outcome<T>>,
	stopped: Map<number, Stopped<T>>,
	report: WaitReport<T>,
): NodeOperationError {
	const subjects = new Map(waiters.map((waiter) => [waiter.itemIndex, waiter.subject]));
	const label = (itemIndex: number) => `item ${itemIndex}${subjects.has(itemIndex) ? `, ${subjects.get(itemIndex)}` : ''}`;
	const failures = itemIndexes.filter((itemIndex) => outcomes.get(itemIndex)?.ok === false);
	const first = failures[0];
	const firstError = (outcomes.get(first) as { error: unknown }).error as { message?: string; description?: string | null };

	let codes = 0;
	const waits: IDataObject[] = [];
	const lines = itemIndexes.map((itemIndex) => {
		const outcome = outcomes.get(itemIndex);
		const stop = stopped.get(itemIndex);
		let result: string;
		if (outcome?.ok) {
			if (report.hasCode(outcome.value)) codes++;
			result = report.describe(outcome.value);
		} else if (outcome) {
			result = `failed: ${(outcome.error as Error).message}`;
		} else if (stop?.value !== undefined) {
			if (report.hasCode(stop.value)) codes++;
			result = `${report.describe(stop.value)}, which arrived as the wait stopped`;
		} else {
			result = `stopped: ${stop && 'note' in stop ? stop.note : 'its wait did not start'}`;
		}
		waits.push({ itemIndex, subject: subjects.get(itemIndex) ?? null, result });
		return `- ${label(itemIndex)}: ${result}`;
	});

	const others = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
	const kept = codes > 0 ? `; ${codes === 1 ? 'one code was' : `${codes} codes were`} already received, listed in the details` : '';
	const message =
		`${report.operation} stopped every wait because ${label(first)} failed${others}: ${String(firstError.message ?? firstError)}${kept}`;
	const description = [
		firstError.description ?? '',
		'Continue On Fail is off, so the node ended the other waits at once, as their timeout would, instead of letting them wait on for nothing. Every item:',
		...lines,
		codes > 0
			? 'The codes above are in no output: use them now. To get each item on its own instead, set the node\'s On Error setting to Continue.'
			: 'To get each item on its own instead, set the node\'s On Error setting to Continue.',
	]
		.filter((part) => part !== '')
		.join('\n');
	const error = new NodeOperationError(context.getNode(), message, { description, itemIndex: first });
	// n8n swaps messages that name a network code (ECONNRESET, …) for a generic text; this one says more.
	error.message = message;
	error.context.waits = waits;
	return error;
}

/** A wait's Poll Interval and Timeout fields in ms, checked: never faster than every 3 seconds, as RentVerify asks. */
export function readWaitTiming(context: IExecuteFunctions, itemIndex: number): { intervalMs: number; timeoutMs: number } {
	const seconds = (name: string, displayName: string, fallback: number, min: number, max: number) =>
		checkNumber(context, itemIndex, context.getNodeParameter(name, itemIndex, fallback), {
			displayName,
			min,
			max,
			what: `a number of seconds from ${min} to ${max}`,
		});
	const interval = seconds('pollInterval', 'Poll Interval (Seconds)', 5, WAIT_LIMITS.minInterval, WAIT_LIMITS.maxInterval);
	const timeout = seconds('timeout', 'Timeout (Seconds)', 600, WAIT_LIMITS.minTimeout, WAIT_LIMITS.maxTimeout);
	return { intervalMs: interval * 1000, timeoutMs: timeout * 1000 };
}
