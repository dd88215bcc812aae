/**
 * New Code, for every server of the sms-activate protocol (RentVerify Trigger and the protocol
 * family's trigger): which activations to watch, and which of their codes are new.
 * `planActivations` and `applyStatuses` are pure (no HTTP, no n8n), so the exactly-once rules can be
 * read and tested on their own; `pollActivationCodes` wires them to the transport.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ActivationServer } from '../transport/activationServers';
import { connect, getActiveActivations, getStatus } from '../transport/smsActivate';
import type { ActivationStatus, ActiveActivation } from '../transport/rentVerifyAnswers';
import type { TaskOutcome } from '../pool';
import { asNodeError } from '../errors';
import { codeDigits } from '../normalize';
import { activationOutput, codeFields } from '../output';
import { mapWithConcurrency } from '../pool';
import { readCredentialsOnce } from '../credentialsOnce';
import type { ActivationEntry, RentVerifyState } from './state';
import { MAX_CODES_PER_ACTIVATION, activationBudget, clip, memoKey } from './state';

/**
 * How long after its expiry an activation that left the active list is still asked about: the
 * provider's clock and n8n's may differ, and a code that came just before the end must still be read.
 */
export const FOLLOW_GRACE_MS = 10 * 60_000;
/** The lifetime assumed when the active list gives no `expires_at` (sms-activate numbers live ~20 min). */
export const ASSUMED_LIFETIME_MS = 20 * 60_000;

export interface ActivationWatch {
	/** Activation IDs set in the node: exactly these are watched, in or out of the active list. */
	activationIds: string[];
	/** Lower-case service codes (`tg`) and countries (`usa`); empty = all. Narrow the active list only. */
	services: string[];
	countries: string[];
}

export interface Candidate {
	id: string;
	configured: boolean;
	/** Its row in this poll's active list, if it is there. */
	listed?: ActiveActivation;
	/** What the next state keeps for it when its status is not read or brings nothing new. */
	entry: ActivationEntry;
	/** Whether to ask for its status this poll (no for an ID set in the node that is known final). */
	read: boolean;
}

export interface ActivationPlan {
	candidates: Candidate[];
	/** Activations left out to keep the state within its bounds (README, Trigger: the number watched at once, computed from these constants by test/helpers/triggerLimits.ts). */
	leftOut: string[];
}

const byNewest = (a: ActiveActivation, b: ActiveActivation): number =>
	(b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
	b.activationId.length - a.activationId.length ||
	b.activationId.localeCompare(a.activationId);

function matches(activation: ActiveActivation, watch: ActivationWatch): boolean {
	const service = activation.service.toLowerCase();
	const country = activation.country.toLowerCase();
	return (
		(watch.services.length === 0 || watch.services.includes(service)) &&
		(watch.countries.length === 0 || watch.countries.includes(country))
	);
}

/**
 * The activations this poll reads, most important first: the IDs set in the node, then the active
 * list (newest first), then activations that left the list but may still hold a code nobody read
 * (followed until final or expired, so a code that came between two polls is not lost). Each is kept
 * only while the worst case of its state entry fits the budget: a capped activation is left out,
 * never remembered half.
 */
export function planActivations(
	previous: RentVerifyState | undefined,
	activeList: ActiveActivation[],
	watch: ActivationWatch,
	now: number,
): ActivationPlan {
	const remembered = previous?.a ?? {};
	const configured = new Set(watch.activationIds);
	const listed = new Map<string, ActiveActivation>();
	for (const activation of activeList) {
		const id = activation.activationId;
		if (id === '' || listed.has(id)) continue;
		if (configured.size > 0 ? configured.has(id) : matches(activation, watch)) listed.set(id, activation);
	}

	const order: string[] = [...watch.activationIds];
	order.push(...[...listed.values()].sort(byNewest).map((a) => a.activationId));
	const followed = Object.entries(remembered)
		.filter(([id, entry]) => !configured.has(id) && !listed.has(id) && entry.d !== 1)
		.sort(([, a], [, b]) => (b.x ?? 0) - (a.x ?? 0))
		.map(([id]) => id);
	order.push(...followed);

	const candidates: Candidate[] = [];
	const leftOut: string[] = [];
	const seen = new Set<string>();
	const admit = activationBudget();
	for (const id of order) {
		if (seen.has(id)) continue;
		seen.add(id);
		const before = remembered[id];
		const row = listed.get(id);
		const entry: ActivationEntry = { c: before?.c.slice(-MAX_CODES_PER_ACTIVATION) ?? [] };
		if (row) {
			const expires = row.expiresAt === null ? Number.NaN : Date.parse(row.expiresAt);
			entry.x = (Number.isFinite(expires) ? expires : now + ASSUMED_LIFETIME_MS) + FOLLOW_GRACE_MS;
		} else if (before?.x !== undefined) {
			entry.x = before.x;
		} else if (!configured.has(id)) {
			entry.x = now + ASSUMED_LIFETIME_MS + FOLLOW_GRACE_MS;
		}
		const p = clip(row?.phoneNumber) ?? before?.p;
		const s = clip(row?.service) ?? before?.s;
		const n = clip(row?.country) ?? before?.n;
		if (p) entry.p = p;
		if (s) entry.s = s;
		if (n) entry.n = n;
		// Final and out of the list: nothing more can come. Back in the list: read it again.
		if (before?.d === 1 && !row) entry.d = 1;

		if (!admit(id, entry)) {
			leftOut.push(id);
			continue;
		}
		candidates.push({ id, configured: configured.has(id), listed: row, entry, read: entry.d !== 1 });
	}
	return { candidates, leftOut };
}

export interface StatusResult {
	events: IDataObject[];
	next: RentVerifyState;
	/** Status requests that failed; those activations keep their entry and are asked again next poll. */
	failures: Array<{ id: string; error: unknown }>;
	/** Status requests answered. */
	answered: number;
}

/** The code an answer carries: `STATUS_OK:{code}`, or the old one in `STATUS_WAIT_RETRY:{code}`. */
const codeOf = (status: ActivationStatus): string | null =>
	status.status === 'received' || status.status === 'waitingRetry' ? status.code : null;

function codeItem(
	provider: string,
	candidate: Candidate,
	status: ActivationStatus,
	code: string,
	receivedAt: string,
): IDataObject {
	const { id, listed, entry } = candidate;
	return {
		eventId: `${provider}:${id}:${code}`,
		...activationOutput(provider, {
			id,
			status: status.status,
			phoneNumber: listed?.phoneNumber ?? entry.p ?? null,
			service: (listed?.service || entry.s) ?? null,
			country: (listed?.country || entry.n) ?? null,
			...codeFields({ code, codeDigits: codeDigits(code) }),
			cost: listed?.cost ?? null,
			expiresAt: listed?.expiresAt ?? null,
			raw: { status: status.word, activation: (listed?.raw as IDataObject | undefined) ?? null },
		}),
		receivedAt,
	};
}

/**
 * Turns this poll's status answers into new-code items and the next state.
 * A code is new when its activation's entry does not remember it; a new one is remembered in the same
 * step, so the state an emitting poll saves holds every code it emitted. `STATUS_WAIT_RETRY:{old}`
 * brings nothing when `old` was emitted (and is emitted once when it came and went between polls);
 * the next `STATUS_OK:{new}` is a new code. On the first activation the codes already there are
 * remembered without being emitted, unless `emitExisting`.
 */
export function applyStatuses(
	plan: ActivationPlan,
	outcomes: Array<TaskOutcome<ActivationStatus> | undefined>,
	options: { provider: string; firstActivation: boolean; emitExisting: boolean; now: number },
): StatusResult {
	const receivedAt = new Date(options.now).toISOString();
	const skipOld = options.firstActivation && !options.emitExisting;
	const next: RentVerifyState = { a: {} };
	const events: IDataObject[] = [];
	const failures: StatusResult['failures'] = [];
	let answered = 0;
	plan.candidates.forEach((candidate, index) => {
		const outcome = outcomes[index];
		const { id } = candidate;
		if (!candidate.read || outcome === undefined || outcome.state === 'skipped') {
			next.a[id] = candidate.entry;
			return;
		}
		if (outcome.state === 'failed') {
			// Kept as it was (a new one with no codes): its code is read on a later poll. A first
			// activation cannot tell whether that code was already there, so it is emitted then.
			failures.push({ id, error: outcome.error });
			next.a[id] = candidate.entry;
			return;
		}
		answered++;
		const status = outcome.value;
		const entry: ActivationEntry = { ...candidate.entry, c: [...candidate.entry.c] };
		const code = codeOf(status);
		if (code !== null && code !== '') {
			const key = memoKey(code);
			if (!entry.c.includes(key)) {
				if (!skipOld) events.push(codeItem(options.provider, candidate, status, code, receivedAt));
				entry.c = [...entry.c, key].slice(-MAX_CODES_PER_ACTIVATION);
			}
		}
		const expired = entry.x !== undefined && options.now > entry.x;
		const final = !candidate.listed && (status.status === 'cancelled' || expired);
		if (!final) next.a[id] = entry;
		// An ID set in the node is watched whatever the active list says: remember that it is final,
		// or it would be asked about forever. Any other final activation is forgotten; it cannot come
		// back into the active list, so its codes cannot come again.
		else if (candidate.configured) next.a[id] = { ...entry, d: 1 };
	});
	return { events, next, failures, answered };
}

export interface RentVerifySettings {
	watch: ActivationWatch;
	concurrency: number;
	emitExisting: boolean;
}

function pollDeadline(context: IPollFunctions, start: number): number {
	// n8n abandons a poll that overruns its budget; stop starting status requests well before that.
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 5 * 60_000;
	return start + budget * 0.5;
}

/**
 * The account's active activations, and the server's `provider`. A server that does not document the
 * active list (SMSHub, GrizzlySMS, …) can still be watched for the Activation IDs set in the node.
 */
async function readActiveList(
	this: IPollFunctions,
	server: ActivationServer,
	watch: ActivationWatch,
): Promise<{ activeList: ActiveActivation[]; provider: string }> {
	const connection = await connect.call(this, server);
	if (connection.documents('getActiveActivations')) {
		return { activeList: await getActiveActivations.call(this, server), provider: connection.provider };
	}
	if (watch.activationIds.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`${connection.name} does not document a list of active activations, so the trigger cannot find new ones by itself`,
			{ description: 'Set the Activation IDs to watch in the trigger\'s Filters, or use a server that lists them (see the README).' },
		);
	}
	return { activeList: [], provider: connection.provider };
}

/** One poll: the new codes, and the state to save with them. Throws, changing nothing, when the provider is down. */
export async function pollActivationCodes(
	this: IPollFunctions,
	server: ActivationServer,
	previous: RentVerifyState | undefined,
	settings: RentVerifySettings,
): Promise<{ events: IDataObject[]; next: RentVerifyState }> {
	const start = Date.now();
	const context = readCredentialsOnce(this);
	// The active list failing means the provider is down or the token is wrong: the poll fails with
	// the transport's clear error, and nothing is lost because nothing was recorded.
	const { activeList, provider } = await readActiveList.call(context, server, settings.watch);
	const plan = planActivations(previous, activeList, settings.watch, start);
	if (plan.leftOut.length > 0) {
		this.logger.warn(
			`New Code trigger: ${plan.leftOut.length} activations are not watched this poll, to keep the trigger's memory bounded; narrow the watched services, countries or activation IDs`,
		);
	}
	const toRead = plan.candidates.filter((candidate) => candidate.read);
	const readOutcomes = await mapWithConcurrency(
		toRead,
		settings.concurrency,
		async (candidate) => await getStatus.call(context, server, candidate.id),
		pollDeadline(this, start),
	);
	const byId = new Map(toRead.map((candidate, index) => [candidate.id, readOutcomes[index]]));
	const result = applyStatuses(
		plan,
		plan.candidates.map((candidate) => byId.get(candidate.id)),
		{ provider, firstActivation: previous === undefined, emitExisting: settings.emitExisting, now: Date.now() },
	);
	if (result.failures.length > 0) {
		// The first activation needs every status to tell the codes already there from later ones: a
		// status it cannot read fails the poll, changing nothing, and n8n tries the activation again.
		const firstActivationIncomplete = previous === undefined;
		if (firstActivationIncomplete || (result.answered === 0 && result.events.length === 0)) {
			// Not one status could be read: fail the poll so the problem is seen (nothing is lost, the
			// state stays as it was). One failing activation among others only waits for the next poll.
			throw asNodeError(this.getNode(), result.failures[0].error);
		}
		this.logger.warn(
			`New Code trigger: the status of ${result.failures.length} activations could not be read; they are asked again next poll (${errorMessage(result.failures[0].error)})`,
		);
	}
	return { events: result.events, next: result.next };
}

/** Fetch Test Event: the newest code among the watched activations, read-only. */
export async function newestActivationCode(
	this: IPollFunctions,
	server: ActivationServer,
	settings: RentVerifySettings,
): Promise<IDataObject | undefined> {
	const start = Date.now();
	const context = readCredentialsOnce(this);
	const { activeList, provider } = await readActiveList.call(context, server, settings.watch);
	const plan = planActivations(undefined, activeList, settings.watch, start);
	// Newest first, also among IDs set in the node; those not in the active list come last.
	const created = (candidate: Candidate) => candidate.listed?.createdAt ?? '';
	const candidates = plan.candidates
		.filter((candidate) => candidate.read)
		.sort((a, b) => created(b).localeCompare(created(a)));
	const outcomes = await mapWithConcurrency(
		candidates,
		settings.concurrency,
		async (candidate) => await getStatus.call(context, server, candidate.id),
		pollDeadline(this, start),
	);
	// The first with a code is the newest code.
	let firstError: unknown;
	for (const [index, outcome] of outcomes.entries()) {
		if (outcome.state === 'failed') firstError ??= outcome.error;
		if (outcome.state !== 'done') continue;
		const code = codeOf(outcome.value);
		if (code) return codeItem(provider, candidates[index], outcome.value, code, new Date().toISOString());
	}
	if (firstError !== undefined && outcomes.every((outcome) => outcome.state !== 'done')) {
		throw asNodeError(this.getNode(), firstError);
	}
	return undefined;
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

