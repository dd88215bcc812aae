// The triggers' limits as README states them (sections Trigger and Webhook trigger), computed from the code:
// its constants, and, for how many activations New Code watches at once, the planner itself
// (planActivations) run on sample active lists, so that a change of the state budget or of what an entry
// keeps changes these numbers too. test/unit/readmeTriggerLimits.test.ts holds README to them.
import { planActivations } from '../../nodes/shared/trigger/activationCodes';
import { MAX_MESSAGE_IDS_PER_ORDER, MAX_ORDERS, STATE_BUDGET_BYTES, clip } from '../../nodes/shared/trigger/state';
import type { ActiveActivation } from '../../nodes/shared/transport/rentVerifyAnswers';
import { SEEN_BUDGET_BYTES, SEEN_MAX, SEEN_TTL_MS } from '../../nodes/shared/webhook/seen';

const KIB = 1024;

/** The longest phone, service or country the state keeps of an activation (longer ones are clipped). */
export const KEPT_FIELD_LENGTH = clip('x'.repeat(1000))?.length ?? 0;

/** The activation IDs of the samples: 10 digits, as HeroSMS's (3416693217). */
export const SAMPLE_ID_DIGITS = 10;

/** How many of a long active list of such activations one poll keeps watching. */
export function activationsWatched(sample: { phone: string; service: string; country: string }): number {
	const now = Date.parse('2026-01-01T00:00:00Z');
	const list: ActiveActivation[] = Array.from({ length: 2000 }, (_, i) => ({
		activationId: String(10 ** (SAMPLE_ID_DIGITS - 1) + i),
		phoneNumber: sample.phone,
		service: sample.service,
		country: sample.country,
		status: 'active',
		cost: 0.5,
		createdAt: new Date(now - i * 1000).toISOString(),
		expiresAt: new Date(now + 20 * 60_000 - i * 1000).toISOString(),
		raw: {},
	}));
	return planActivations(undefined, list, { activationIds: [], services: [], countries: [] }, now).candidates.length;
}

const longest = 'x'.repeat(KEPT_FIELD_LENGTH + 8);

export const TRIGGER_LIMITS = {
	/** New Code and New Message: the whole node state stays under this many KiB. */
	stateKiB: Math.ceil(STATE_BUDGET_BYTES / KIB),
	/** Activations watched at once with short values (a US number, `tg`, `usa`)… */
	activationsTypical: activationsWatched({ phone: '+12025551234', service: 'tg', country: 'usa' }),
	/** …and with phone, service and country as long as the state keeps them. */
	activationsLongest: activationsWatched({ phone: longest, service: longest, country: longest }),
	ordersPerTrigger: MAX_ORDERS,
	messagesRememberedPerOrder: MAX_MESSAGE_IDS_PER_ORDER,
	/** Webhook trigger: deliveries remembered, for how long, and what that memory takes at most. */
	webhookDeliveries: SEEN_MAX,
	webhookHours: SEEN_TTL_MS / 3_600_000,
	webhookKiB: Math.ceil(SEEN_BUDGET_BYTES / KIB),
};
