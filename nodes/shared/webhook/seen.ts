/**
 * What the webhook trigger remembers so that a repeated delivery of one SMS starts the workflow once:
 * the keys (`deliveryKey`: activation and code) of recent deliveries that started it, in the workflow's
 * static data, bounded by count and age.
 *
 * Why static data, and when n8n saves it (n8n 2.41.1, `packages/cli/src/webhooks/live-webhooks.ts`):
 * each production webhook request loads the workflow with its static data from the database, runs the
 * node's `webhook()`, and saves the static data (when it changed) before the HTTP answer goes out. For
 * an emitted code that is after the execution was created; when creating it fails, n8n answers an error
 * and saves nothing, so the server's retry is a new delivery again. Nothing is written for a body that
 * is refused or ignored.
 *
 * The bound: SEEN_MAX keys, each for SEEN_TTL_MS (longer than any documented retry window: sms-activate
 * retries for up to 2 hours, HeroSMS for minutes); the oldest go first. A key is at most 35 characters
 * (`memoKey` hashes long or odd ids and codes), so the list stays under SEEN_BUDGET_BYTES.
 *
 * Two requests handled at the same moment each load the static data before either saves it, so the
 * second save would drop the first one's key. This process therefore also remembers (`processMemory`):
 * keys being handled right now (a repeat arriving meanwhile is a repeat), and keys whose delivery n8n
 * answered with 200, which are written back with the next request. A restart empties it; with several
 * n8n processes answering webhooks (queue mode), each has its own.
 */
import type { IDataObject } from 'n8n-workflow';

/** Keys remembered at most; the oldest are dropped first. */
export const SEEN_MAX = 500;
/** How long a key is remembered (24 hours). */
export const SEEN_TTL_MS = 24 * 3_600_000;
/** Longest key `deliveryKey` makes: two `memoKey`s of at most 17 characters and a colon. */
export const MAX_SEEN_KEY_LENGTH = 35;
/** Worst case of the list as JSON: `["<35 characters>",<10 digits>],` per key. */
export const SEEN_BUDGET_BYTES = SEEN_MAX * (MAX_SEEN_KEY_LENGTH + 16) + 64;
/** A key being handled blocks a repeat this long at most, if n8n never reports the answer. */
export const CLAIM_TTL_MS = 60_000;

export const SEEN_VERSION = 1;

/** A remembered delivery: its key and when (seconds since the epoch). */
export type SeenEntry = [string, number];

/** The node's static data: `{ v: 1, seen: [[key, seconds], …] }`, oldest first. */
export interface SeenState {
	v: number;
	seen: SeenEntry[];
}

const KEY = /^[A-Za-z0-9_.:+#-]{1,35}$/;

const isEntry = (value: unknown): value is SeenEntry =>
	Array.isArray(value) &&
	value.length === 2 &&
	typeof value[0] === 'string' &&
	KEY.test(value[0]) &&
	typeof value[1] === 'number' &&
	Number.isSafeInteger(value[1]) &&
	value[1] >= 0;

/**
 * Keeps the newest entry per key, drops those older than the TTL (or from the future beyond a day of
 * clock skew) and keeps the newest SEEN_MAX, oldest first.
 */
export function pruneSeen(entries: readonly SeenEntry[], now: number): SeenEntry[] {
	const nowSeconds = Math.floor(now / 1000);
	const oldest = nowSeconds - SEEN_TTL_MS / 1000;
	const newest = nowSeconds + SEEN_TTL_MS / 1000;
	const latest = new Map<string, number>();
	for (const [key, at] of entries) {
		if (at < oldest || at > newest) continue;
		const before = latest.get(key);
		if (before === undefined || at > before) latest.set(key, at);
	}
	return [...latest.entries()]
		.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.slice(-SEEN_MAX);
}

/** The remembered deliveries in the node's static data, read defensively (anything malformed is dropped). */
export function readSeen(staticData: IDataObject, now: number): SeenEntry[] {
	const seen = staticData.seen;
	if (!Array.isArray(seen)) return [];
	return pruneSeen(seen.filter(isEntry), now);
}

/** The list with `key` remembered at `now`. */
export function withSeen(entries: readonly SeenEntry[], key: string, now: number): SeenEntry[] {
	return pruneSeen([...entries, [key, Math.floor(now / 1000)]], now);
}

export const hasSeen = (entries: readonly SeenEntry[], key: string): boolean => entries.some(([seen]) => seen === key);

/** Writes the list into the node's static data, touching it only when it changed (n8n then saves nothing). */
export function writeSeen(staticData: IDataObject, entries: readonly SeenEntry[]): void {
	const next: SeenState = { v: SEEN_VERSION, seen: entries.map(([key, at]) => [key, at]) };
	const json = JSON.stringify(next);
	if (JSON.stringify({ v: staticData.v, seen: staticData.seen }) === json && Object.keys(staticData).length === 2) return;
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, JSON.parse(json) as IDataObject);
}

// ---------------------------------------------------------------------------------------------------
// This process's memory (see the top of the file), per workflow and node.

interface Remembered {
	/** Keys being handled now, with when the claim was made (ms). */
	claimed: Map<string, number>;
	/** Keys n8n answered 200 for, with when (ms). */
	accepted: Map<string, number>;
}

const processMemory = new Map<string, Remembered>();
/** Triggers remembered at once; the least recently used goes first. */
const MAX_TRIGGERS = 200;

function memoryOf(triggerKey: string): Remembered {
	let remembered = processMemory.get(triggerKey);
	if (remembered) {
		processMemory.delete(triggerKey);
	} else {
		remembered = { claimed: new Map(), accepted: new Map() };
	}
	processMemory.set(triggerKey, remembered);
	if (processMemory.size > MAX_TRIGGERS) processMemory.delete(processMemory.keys().next().value as string);
	return remembered;
}

function expire(remembered: Remembered, now: number): void {
	for (const [key, at] of remembered.claimed) if (now - at > CLAIM_TTL_MS) remembered.claimed.delete(key);
	for (const [key, at] of remembered.accepted) if (now - at > SEEN_TTL_MS) remembered.accepted.delete(key);
	while (remembered.accepted.size > SEEN_MAX) remembered.accepted.delete(remembered.accepted.keys().next().value as string);
}

/** Deliveries n8n accepted in this process, as static-data entries to merge into what was loaded. */
export function acceptedHere(triggerKey: string, now: number): SeenEntry[] {
	const remembered = processMemory.get(triggerKey);
	if (!remembered) return [];
	expire(remembered, now);
	return [...remembered.accepted.entries()].map(([key, at]) => [key, Math.floor(at / 1000)]);
}

/**
 * Claims a delivery key while its request is handled: false when another request of this process holds
 * it or n8n already accepted it here. Synchronous, so two requests cannot both claim one key.
 */
export function claimDelivery(triggerKey: string, key: string, now: number): boolean {
	const remembered = memoryOf(triggerKey);
	expire(remembered, now);
	if (remembered.claimed.has(key) || remembered.accepted.has(key)) return false;
	remembered.claimed.set(key, now);
	return true;
}

/** Ends a claim: remembered as accepted when n8n answered the delivery with 200, else forgotten. */
export function settleDelivery(triggerKey: string, key: string, accepted: boolean, now: number): void {
	const remembered = memoryOf(triggerKey);
	remembered.claimed.delete(key);
	if (accepted) {
		remembered.accepted.delete(key);
		remembered.accepted.set(key, now);
	}
	expire(remembered, now);
}

/** Forgets what this process remembers, for one trigger or all: what an n8n restart does (for tests). */
export function forgetDeliveries(triggerKey?: string): void {
	if (triggerKey === undefined) processMemory.clear();
	else processMemory.delete(triggerKey);
}
