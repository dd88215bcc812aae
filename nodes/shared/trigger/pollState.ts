/**
 * One scheduled poll of a trigger, from the state it starts from to the state it leaves, and what this
 * n8n process remembers about a trigger between its polls.
 *
 * Why a process keeps anything at all (n8n 2.41.1, docs/N8N.md; each observed end to end):
 * - With durable poll cursors, the poll n8n runs at activation is not committed when it emits nothing, so
 *   the first scheduled poll would find no state, take itself for the first activation, and skip every
 *   code that arrived in between. Static data without this provider's part while this process remembers
 *   one is exactly that case, and the remembered state is used.
 * - With durable poll cursors, n8n's scheduler catches up after downtime by running the missed occurrence
 *   of every Poll Times entry at once, each from the cursor committed before the downtime; nothing
 *   serialises polls of one node. So a poll runs only while no other poll of the same trigger runs in this
 *   process (the others return nothing, change nothing and so commit nothing), and a poll whose state is
 *   older than what a poll of this process emitted shortly before returns nothing too: it read its cursor
 *   before that poll's commit landed, and would emit the same codes again.
 *
 * Neither rule can lose a code: a poll that is left out changes nothing, and the codes stay for the next
 * poll. If n8n dropped an emitting poll's commit (its scheduler lease ran out first), the older cursor is
 * the truth again once COMMIT_WINDOW_MS has passed, and those codes are emitted then.
 * A restart empties this memory (n8n then runs an activation poll, which state.ts already handles).
 * Bounded: one entry per active trigger, at most MAX_REMEMBERED, each within STATE_BUDGET_BYTES.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { triggerKeyOf } from './processKey';
import type { TriggerState } from './state';
import { STATE_VERSION, commitState, readState } from './state';

/**
 * How long a poll that read a state older than this process's last emitting poll is held back. n8n commits
 * an emitting poll within its scheduler lease (60 s by default) or not at all; five times that leaves room
 * for a slow database, and only delays codes whose commit n8n dropped.
 */
export const COMMIT_WINDOW_MS = 5 * 60_000;

/**
 * After this long a poll's claim is taken for abandoned (n8n gives a poll 45 s by default and the trigger
 * stops starting requests halfway through that), so a poll that never settled cannot stop the trigger.
 */
export const CLAIM_LIMIT_MS = 10 * 60_000;

const MAX_REMEMBERED = 200;

/** How the debug line of a poll left out begins (the tests and the scale suite count them by it). */
export const LEFT_OUT_LOG = 'Trigger poll left out';

interface Remembered {
	/** The last state a poll of this process left, with its revision. */
	state: TriggerState;
	/** The revision and time of the last poll of this process that emitted items. */
	emitted?: { revision: number; at: number };
}

const memory = new Map<string, Remembered>();
const claims = new Map<string, { since: number }>();

type StatePart = 'rentVerify' | 'otpVerified';

/** One poll's work: the new items, and the provider's part of the state to keep with them. */
export type PartPoll<P extends StatePart> = (
	previous: TriggerState[P] | undefined,
) => Promise<{ events: IDataObject[]; next: NonNullable<TriggerState[P]> }>;

/** Takes the trigger's poll claim in this process, or returns undefined while another poll holds it. */
function claim(key: string, now: number): (() => void) | undefined {
	const held = claims.get(key);
	if (held !== undefined && now - held.since < CLAIM_LIMIT_MS) return undefined;
	const mine = { since: now };
	claims.set(key, mine);
	return () => {
		// Only its own claim: one taken over after CLAIM_LIMIT_MS belongs to the newer poll.
		if (claims.get(key) === mine) claims.delete(key);
	};
}

function remember(key: string, entry: Remembered): void {
	memory.delete(key);
	memory.set(key, entry);
	if (memory.size > MAX_REMEMBERED) memory.delete(memory.keys().next().value as string);
}

/**
 * Runs one scheduled poll of the trigger on its static data (see the header for when it runs). `poll`
 * gets the provider's part of the state and returns the new items with the part to keep; it is saved
 * as the poll's last step, so a poll that throws has changed nothing.
 */
export async function pollWithState<P extends StatePart>(
	context: IPollFunctions,
	part: P,
	poll: PartPoll<P>,
): Promise<INodeExecutionData[][] | null> {
	const key = triggerKeyOf(context);
	const release = claim(key, Date.now());
	if (release === undefined) {
		context.logger.debug(`${LEFT_OUT_LOG}: another poll of this trigger is running in this n8n process`);
		return null;
	}
	try {
		const staticData = context.getWorkflowStaticData('node');
		const stored = readState(staticData);
		const remembered = memory.get(key);
		const fromMemory = stored[part] === undefined && remembered?.state[part] !== undefined;
		const start = fromMemory && remembered ? remembered.state : stored;
		const revision = start.r ?? 0;
		const emitted = remembered?.emitted;
		if (emitted !== undefined && revision < emitted.revision && Date.now() - emitted.at < COMMIT_WINDOW_MS) {
			context.logger.debug(
				`${LEFT_OUT_LOG}: it started from a state older than the last emitting poll of this trigger, whose commit had not landed yet`,
			);
			return null;
		}
		const { events, next } = await poll(start[part]);
		const changed = fromMemory || JSON.stringify(next) !== JSON.stringify(start[part]);
		// Revisions only grow in this process, so "older than what was emitted" is a plain comparison.
		const nextRevision = changed ? Math.max(revision, remembered?.state.r ?? 0) + 1 : revision;
		const state: TriggerState = { v: STATE_VERSION, ...(nextRevision > 0 ? { r: nextRevision } : {}), [part]: next };
		commitState(staticData, state);
		remember(key, {
			state: JSON.parse(JSON.stringify(state)) as TriggerState,
			emitted: events.length > 0 ? { revision: nextRevision, at: Date.now() } : emitted,
		});
		return events.length > 0 ? [context.helpers.returnJsonArray(events)] : null;
	} finally {
		release();
	}
}

/** Forgets what this process remembers for one workflow, or for all: what an n8n restart does (for tests). */
export function forgetProcessMemory(workflowId?: string): void {
	for (const map of [memory, claims]) {
		for (const key of [...map.keys()]) {
			if (workflowId === undefined || key.startsWith(`${workflowId}:`)) map.delete(key);
		}
	}
}
