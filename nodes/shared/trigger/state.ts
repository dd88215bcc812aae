/**
 * The trigger's memory in the workflow's static data (`node:<node name>`), and the rules that keep it
 * correct and small.
 *
 * Why it is shaped this way (n8n 2.41, docs/N8N.md): n8n saves static data when a poll
 * emits items and after the poll that runs at activation, never after a poll that returns nothing, and
 * not at shutdown. A restart therefore rolls the state back to the last emitting or activation poll.
 * So the state holds, for every watched activation or order, exactly what was emitted (plus what the
 * first activation chose to skip): a poll that emits saves everything it emitted, and a rollback can
 * only forget things that were never emitted, which the next poll reads again. Nothing written by a
 * poll that emitted nothing is needed for correctness; it only saves requests.
 * The one thing a rollback can cost (RentVerify, no Activation IDs set): an activation first seen by a
 * poll that emitted nothing, which leaves the active list before the first poll after the restart, is
 * forgotten with nothing to find it again (the provider lists active activations only). Activation IDs
 * set in the node are always followed, and n8n's durable poll cursors commit every poll: both close it.
 *
 * What one n8n process remembers between polls, and when it leaves a poll out: pollState.ts.
 *
 * Size: every list is capped and every entry's worst case is counted before it is kept, so the JSON
 * stays under STATE_BUDGET_BYTES however many codes pass (tested after 100,000).
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

export const STATE_VERSION = 1;

/** What the whole node state may take, as UTF-8 JSON; n8n stores it with the workflow on every emit. */
export const STATE_BUDGET_BYTES = 56 * 1024;

/** RentVerify: activations remembered at once, and codes remembered per activation. */
export const MAX_ACTIVATIONS = 500;
export const MAX_CODES_PER_ACTIVATION = 4;

/** OTPVerified: orders watched at once, and message ids remembered per order above its time cursor. */
export const MAX_ORDERS = 50;
export const MAX_MESSAGE_IDS_PER_ORDER = 20;

/** Longest code or message id kept verbatim; longer ones are kept as a 64-bit hash. */
const MAX_INLINE_KEY = 16;
const INLINE_KEY = /^[A-Za-z0-9_.:+-]+$/;
/** JSON bytes of one remembered key in the worst case: `"#` + 16 hex + `"` and a comma. */
export const MAX_KEY_JSON_BYTES = MAX_INLINE_KEY + 3 + 1;

/** JSON bytes of the revision in the worst case: `"r":9007199254740991,`. */
const MAX_REVISION_JSON_BYTES = 21;

/** One watched RentVerify activation. Short field names: the state is stored on every emit. */
export interface ActivationEntry {
	/** Keys (see `memoKey`) of the codes emitted, or skipped at first activation; oldest first. */
	c: string[];
	/** Follow until (ms since the epoch): its expiry plus a grace period, once seen in the active list. */
	x?: number;
	/** Phone, service and country from the active list, for codes read after it left the list. */
	p?: string;
	s?: string;
	n?: string;
	/** An activation ID set in the node that is final: no more status requests while it stays final. */
	d?: 1;
}

export interface RentVerifyState {
	a: Record<string, ActivationEntry>;
}

/** One watched OTPVerified order. */
export interface OrderEntry {
	/** Message keys emitted (or skipped at first sight) with their time in seconds, or null if it had none. */
	m: Array<[string, number | null]>;
	/**
	 * Time cursor `[seconds, key?]`: messages strictly older than `seconds` are done, and with a key,
	 * messages of that very second whose key sorts at or below it too. It moves only when old keys are
	 * dropped from `m`, so `m` stays short while nothing is emitted twice.
	 */
	c?: [number] | [number, string];
}

export interface OtpVerifiedState {
	o: Record<string, OrderEntry>;
}

/** The node's static data. The presence of a provider's part means its first activation is done. */
export interface TriggerState {
	v: number;
	/**
	 * Revision: grows by one with every poll that changes the state (pollState.ts tells by it a poll that
	 * started from a state older than one already emitted from). Absent before the first change.
	 */
	r?: number;
	rentVerify?: RentVerifyState;
	otpVerified?: OtpVerifiedState;
}

/** 64 bits of SHA-256: plenty to tell the 4–20 keys of one activation or order apart. */
function hash64(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * How a code or message id is remembered: verbatim when short and plain (readable state), else a
 * hash, so a provider sending long or odd codes cannot grow the state.
 */
export function memoKey(value: string): string {
	return value.length <= MAX_INLINE_KEY && INLINE_KEY.test(value) ? value : `#${hash64(value)}`;
}

/** A text clipped for the state (phone, service, country are only a fallback for later items). */
export function clip(value: string | null | undefined, max = 32): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	return value.length > max ? value.slice(0, max) : value;
}

/** What a value takes as UTF-8 JSON, the way n8n stores static data. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Admits activation entries, one after another, while the worst case of all admitted (each with
 * MAX_CODES_PER_ACTIVATION code keys remembered) fits STATE_BUDGET_BYTES and MAX_ACTIVATIONS: an
 * activation is kept whole or left out, never remembered half. One per poll.
 */
export function activationBudget(): (id: string, entry: ActivationEntry) => boolean {
	let bytes = 64 + MAX_REVISION_JSON_BYTES; // `{"v":1,"r":…,"rentVerify":{"a":{…}}}`
	let admitted = 0;
	return (id, entry) => {
		const worst = jsonBytes(id) + jsonBytes({ ...entry, c: [] }) + MAX_CODES_PER_ACTIVATION * MAX_KEY_JSON_BYTES + 2;
		if (admitted >= MAX_ACTIVATIONS || bytes + worst > STATE_BUDGET_BYTES) return false;
		bytes += worst;
		admitted++;
		return true;
	};
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' ? value : undefined;

function readActivation(value: unknown): ActivationEntry | undefined {
	if (!isObject(value) || !Array.isArray(value.c)) return undefined;
	const entry: ActivationEntry = {
		c: value.c.filter((code): code is string => typeof code === 'string').slice(-MAX_CODES_PER_ACTIVATION),
	};
	if (typeof value.x === 'number' && Number.isFinite(value.x)) entry.x = value.x;
	const p = optionalString(value.p);
	const s = optionalString(value.s);
	const n = optionalString(value.n);
	if (p) entry.p = p;
	if (s) entry.s = s;
	if (n) entry.n = n;
	if (value.d === 1) entry.d = 1;
	return entry;
}

function readOrder(value: unknown): OrderEntry | undefined {
	if (!isObject(value) || !Array.isArray(value.m)) return undefined;
	const m = value.m.filter(
		(pair): pair is [string, number | null] =>
			Array.isArray(pair) &&
			typeof pair[0] === 'string' &&
			(pair[1] === null || (typeof pair[1] === 'number' && Number.isFinite(pair[1]))),
	);
	const entry: OrderEntry = { m: m.map(([key, t]) => [key, t]) };
	const c = value.c;
	if (Array.isArray(c) && typeof c[0] === 'number' && Number.isFinite(c[0])) {
		entry.c = typeof c[1] === 'string' ? [c[0], c[1]] : [c[0]];
	}
	return entry;
}

/**
 * A private copy of the node's static data, read defensively: a malformed entry is dropped on its
 * own (it is read again, never emitted twice unless its codes were lost with it), the rest is kept.
 */
export function readState(staticData: IDataObject): TriggerState {
	const state: TriggerState = { v: STATE_VERSION };
	// State written in another format (a later version of this package, then downgraded) is not guessed
	// at: the trigger starts as on a first activation, which replays nothing.
	if (staticData.v !== undefined && staticData.v !== STATE_VERSION) return state;
	if (typeof staticData.r === 'number' && Number.isSafeInteger(staticData.r) && staticData.r > 0) state.r = staticData.r;
	const rentVerify = staticData.rentVerify;
	if (isObject(rentVerify) && isObject(rentVerify.a)) {
		const a: Record<string, ActivationEntry> = {};
		for (const [id, value] of Object.entries(rentVerify.a)) {
			const entry = readActivation(value);
			if (entry) a[id] = entry;
		}
		state.rentVerify = { a };
	}
	const otpVerified = staticData.otpVerified;
	if (isObject(otpVerified) && isObject(otpVerified.o)) {
		const o: Record<string, OrderEntry> = {};
		for (const [orderId, value] of Object.entries(otpVerified.o)) {
			const entry = readOrder(value);
			if (entry) o[orderId] = entry;
		}
		state.otpVerified = { o };
	}
	return state;
}

/**
 * Replaces the node's static data with `next`, the last step of a poll: a poll that throws before it
 * changes nothing. Untouched when nothing changed, so n8n sees no change to save.
 */
export function commitState(staticData: IDataObject, next: TriggerState): void {
	const json = JSON.stringify(next);
	if (JSON.stringify(staticData) === json) return;
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, JSON.parse(json) as IDataObject);
}
