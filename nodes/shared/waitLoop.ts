import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { mapWithConcurrency } from './pool';

/** One item that waits: `check` answers a value when the wait is over, undefined to keep waiting. */
export interface Waiter<T> {
	itemIndex: number;
	/** When this item stops waiting (ms since the epoch). */
	deadline: number;
	check(): Promise<T | undefined>;
	/** Called once when the timeout passes; its value (or error) is the item's outcome. */
	onTimeout(): Promise<T>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** How many provider calls one round makes at the same time. */
const CONCURRENT_CHECKS = 5;

/**
 * Waits for many items at once: each round checks every pending item, then sleeps one interval, so
 * ten items take as long as the slowest one, not the sum. Stops at the timeout, and at once when the
 * execution is cancelled (n8n's `sleep` rejects on the cancel signal).
 */
export async function waitForAll<T>(
	context: IExecuteFunctions,
	waiters: Array<Waiter<T>>,
	intervalMs: number,
): Promise<Map<number, Outcome<T>>> {
	const outcomes = new Map<number, Outcome<T>>();
	const settle = async (waiter: Waiter<T>, run: () => Promise<T | undefined>) => {
		try {
			const value = await run();
			if (value !== undefined) outcomes.set(waiter.itemIndex, { ok: true, value });
		} catch (error) {
			outcomes.set(waiter.itemIndex, { ok: false, error });
		}
	};
	const signal = context.getExecutionCancelSignal();
	let pending = waiters;
	while (pending.length > 0) {
		await mapWithConcurrency(pending, CONCURRENT_CHECKS, async (waiter) => await settle(waiter, waiter.check));
		const expired = pending.filter((waiter) => !outcomes.has(waiter.itemIndex) && waiter.deadline <= Date.now());
		await mapWithConcurrency(expired, CONCURRENT_CHECKS, async (waiter) => await settle(waiter, waiter.onTimeout));
		pending = pending.filter((waiter) => !outcomes.has(waiter.itemIndex));
		if (pending.length === 0) break;
		const nearestDeadline = Math.min(...pending.map((waiter) => waiter.deadline));
		try {
			await sleep(Math.max(0, Math.min(intervalMs, nearestDeadline - Date.now())), signal);
		} catch {
			throw new NodeOperationError(context.getNode(), 'The execution was canceled while waiting for the SMS');
		}
		if (signal?.aborted) {
			throw new NodeOperationError(context.getNode(), 'The execution was canceled while waiting for the SMS');
		}
	}
	return outcomes;
}

/**
 * Reads each item's wait (an item whose parameters are wrong fails alone), then waits for them all,
 * polling at the shortest interval any item asked for.
 */
export async function waitForItems<T>(
	context: IExecuteFunctions,
	itemIndexes: number[],
	build: (itemIndex: number, startedAt: number) => { waiter: Waiter<T>; intervalMs: number },
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
	for (const [itemIndex, outcome] of await waitForAll(context, waiters, intervalMs)) outcomes.set(itemIndex, outcome);
	return outcomes;
}

/** A wait's Poll Interval and Timeout fields in ms: never faster than every 3 seconds, as RentVerify asks. */
export function readWaitTiming(context: IExecuteFunctions, itemIndex: number): { intervalMs: number; timeoutMs: number } {
	return {
		intervalMs: Math.max(3, Number(context.getNodeParameter('pollInterval', itemIndex, 5))) * 1000,
		timeoutMs: Math.max(3, Number(context.getNodeParameter('timeout', itemIndex, 600))) * 1000,
	};
}
