/**
 * OTPVerified → New Message: which messages of the watched rental orders are new.
 * `applyMessages` is pure; `pollOtpVerified` wires it to the transport.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getRentalMessages } from '../transport/otpVerified';
import type { RentalMessage } from '../transport/otpVerifiedAnswers';
import { messageOutput } from '../output';
import { mapWithConcurrency } from '../pool';
import { asNodeError } from '../errors';
import { errorMessage } from './activationCodes';
import { readCredentialsOnce } from '../credentialsOnce';
import type { OrderEntry, OtpVerifiedState } from './state';
import { MAX_MESSAGE_IDS_PER_ORDER, MAX_ORDERS, memoKey } from './state';

/** Order IDs are short numbers; anything much longer is a mistake, and would grow the state. */
const MAX_ORDER_ID_LENGTH = 64;

type Cursor = NonNullable<OrderEntry['c']>;
type Remembered = OrderEntry['m'][number];

/** A message's time in whole seconds (the provider's resolution), or null when it has none we can read. */
export function messageSeconds(message: RentalMessage): number | null {
	if (message.receivedAt === null) return null;
	const ms = Date.parse(message.receivedAt);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** Its id, or, for a message without one, a hash of what it says (so it still has one identity). */
export function messageKey(message: RentalMessage): string {
	return message.messageId !== ''
		? memoKey(message.messageId)
		: memoKey(`${message.receivedAtOriginal ?? ''}\n${message.sender}\n${message.text}`);
}

/** Whether the cursor already covers a message: older than its second, or in it at or below its key. */
function covered(cursor: Cursor | undefined, seconds: number | null, key: string): boolean {
	if (cursor === undefined || seconds === null) return false;
	return seconds < cursor[0] || (seconds === cursor[0] && cursor[1] !== undefined && key <= cursor[1]);
}

/** Plain code-unit order (never locale order, which may change between machines). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first; messages without a time sort last (the cursor can never cover them). */
function compareRemembered([keyA, tA]: Remembered, [keyB, tB]: Remembered): number {
	if (tA !== tB) {
		if (tA === null) return 1;
		if (tB === null) return -1;
		return tA - tB;
	}
	return compareText(keyA, keyB);
}

/** The later of two cursors: `[t]` covers less than `[t, key]`, which covers less than `[t + 1]`. */
function laterCursor(a: Cursor | undefined, b: Cursor): Cursor {
	if (a === undefined || b[0] > a[0]) return b;
	if (b[0] < a[0]) return a;
	if (a[1] === undefined) return b;
	if (b[1] === undefined) return a;
	return compareText(b[1], a[1]) > 0 ? b : a;
}

/**
 * Keeps at most MAX_MESSAGE_IDS_PER_ORDER keys: the oldest are dropped and the cursor moves just past
 * them, so each dropped message stays covered. Within one second the cut falls between keys, so the
 * messages kept in that second are not covered and nothing already emitted is uncovered. (Only more
 * than that many messages without a time could force one out uncovered.)
 */
function capEntry(entry: OrderEntry): OrderEntry {
	if (entry.m.length <= MAX_MESSAGE_IDS_PER_ORDER) return entry;
	const sorted = [...entry.m].sort(compareRemembered);
	const excess = sorted.length - MAX_MESSAGE_IDS_PER_ORDER;
	const [lastKey, lastT] = sorted[excess - 1];
	const firstKeptT = sorted[excess][1];
	let cursor = entry.c;
	if (lastT !== null) {
		cursor = laterCursor(cursor, firstKeptT === lastT ? [lastT, lastKey] : [lastT + 1]);
	}
	const capped: OrderEntry = { m: sorted.slice(excess) };
	if (cursor) capped.c = cursor;
	return capped;
}

function messageItem(orderId: string, message: RentalMessage, key: string): IDataObject {
	return {
		eventId: `otpVerified:${orderId}:${message.messageId !== '' ? message.messageId : key}`,
		...messageOutput(message, orderId),
	};
}

/**
 * New messages of one order and its next entry. A message is new unless the entry remembers its key
 * or the cursor covers it; a new one is remembered in the same step. An order seen for the first time
 * remembers what it already holds without emitting it, unless `emitExisting`.
 */
export function applyMessages(
	orderId: string,
	previous: OrderEntry | undefined,
	messages: RentalMessage[],
	options: { emitExisting: boolean },
): { events: IDataObject[]; entry: OrderEntry } {
	const skipOld = previous === undefined && !options.emitExisting;
	const entry: OrderEntry = { m: previous ? previous.m.map(([key, t]) => [key, t]) : [] };
	if (previous?.c) entry.c = previous.c;
	const known = new Set(entry.m.map(([key]) => key));
	const events: IDataObject[] = [];
	for (const message of messages) {
		const key = messageKey(message);
		const seconds = messageSeconds(message);
		if (known.has(key) || covered(entry.c, seconds, key)) continue;
		known.add(key);
		entry.m.push([key, seconds]);
		if (!skipOld) events.push(messageItem(orderId, message, key));
	}
	return { events, entry: capEntry(entry) };
}

export interface OtpVerifiedSettings {
	orderIds: string[];
	concurrency: number;
	emitExisting: boolean;
}

export function checkOrderIds(context: IPollFunctions, orderIds: string[]): void {
	if (orderIds.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Set at least one order ID to watch', {
			description: 'Enter the rental order IDs (the `id` Rent Number returned), separated by commas.',
		});
	}
	if (orderIds.length > MAX_ORDERS) {
		throw new NodeOperationError(
			context.getNode(),
			`One trigger watches at most ${MAX_ORDERS} orders; ${orderIds.length} are set`,
			{ description: 'Split the orders over several triggers. The limit keeps the trigger’s memory small.' },
		);
	}
	const tooLong = orderIds.find((id) => id.length > MAX_ORDER_ID_LENGTH);
	if (tooLong !== undefined) {
		throw new NodeOperationError(context.getNode(), `"${tooLong.slice(0, 40)}…" is not an order ID`, {
			description: 'An order ID is the short `id` that Rent Number returned, e.g. 52608714.',
		});
	}
}

/** One poll: the new messages, and the state to save with them. Throws, changing nothing, when the provider is down. */
export async function pollOtpVerified(
	this: IPollFunctions,
	previous: OtpVerifiedState | undefined,
	settings: OtpVerifiedSettings,
): Promise<{ events: IDataObject[]; next: OtpVerifiedState }> {
	checkOrderIds(this, settings.orderIds);
	const context = readCredentialsOnce(this);
	const outcomes = await mapWithConcurrency(
		settings.orderIds,
		settings.concurrency,
		async (orderId) => await getRentalMessages.call(context, orderId),
	);
	// Orders no longer set in the node are dropped from the state here.
	const next: OtpVerifiedState = { o: {} };
	const events: IDataObject[] = [];
	const failures: Array<{ orderId: string; error: unknown }> = [];
	let unreadNewOrder: { orderId: string; error: unknown } | undefined;
	settings.orderIds.forEach((orderId, index) => {
		const outcome = outcomes[index];
		const before = previous?.o[orderId];
		if (outcome.state === 'done') {
			const result = applyMessages(orderId, before, outcome.value, settings);
			events.push(...result.events);
			next.o[orderId] = result.entry;
			return;
		}
		if (outcome.state === 'failed') failures.push({ orderId, error: outcome.error });
		if (before) next.o[orderId] = before;
		else unreadNewOrder ??= { orderId, error: outcome.state === 'failed' ? outcome.error : undefined };
	});
	// An order without a starting point (first activation, or newly set) whose messages could not be
	// read: what is already there cannot be told from what comes later. Only the provider's timestamps
	// could, and its clock is not ours, so the poll fails and changes nothing; n8n tries the activation
	// again, and no message is skipped or repeated.
	if (unreadNewOrder) {
		throw asNodeError(
			this.getNode(),
			unreadNewOrder.error ??
				new NodeOperationError(this.getNode(), `The messages of order ${unreadNewOrder.orderId} could not be read in time`),
		);
	}
	if (failures.length > 0) {
		if (failures.length === settings.orderIds.length) throw asNodeError(this.getNode(), failures[0].error);
		this.logger.warn(
			`SMS Verification Trigger: the messages of ${failures.length} OTPVerified orders could not be read; they are asked again next poll (${errorMessage(failures[0].error)})`,
		);
	}
	return { events, next };
}

/** Fetch Test Event: the newest message of the watched orders, read-only. */
export async function newestOtpVerifiedMessage(
	this: IPollFunctions,
	settings: OtpVerifiedSettings,
): Promise<IDataObject | undefined> {
	checkOrderIds(this, settings.orderIds);
	const context = readCredentialsOnce(this);
	const outcomes = await mapWithConcurrency(
		settings.orderIds,
		settings.concurrency,
		async (orderId) => await getRentalMessages.call(context, orderId),
	);
	let newest: { orderId: string; message: RentalMessage; seconds: number } | undefined;
	let firstError: unknown;
	outcomes.forEach((outcome, index) => {
		if (outcome.state === 'failed') firstError ??= outcome.error;
		if (outcome.state !== 'done') return;
		for (const message of outcome.value) {
			const seconds = messageSeconds(message) ?? -Infinity;
			// `>=`: the provider lists oldest first, so of equal times the later one in the list wins.
			if (newest === undefined || seconds >= newest.seconds) {
				newest = { orderId: settings.orderIds[index], message, seconds };
			}
		}
	});
	if (newest) return messageItem(newest.orderId, newest.message, messageKey(newest.message));
	if (firstError !== undefined && outcomes.every((outcome) => outcome.state !== 'done')) {
		throw asNodeError(this.getNode(), firstError);
	}
	return undefined;
}
