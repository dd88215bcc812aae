// README states the triggers' limits exactly as the code makes them (test/helpers/triggerLimits.ts computes
// them from the code's constants and its planner): one truth per number.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { MAX_ACTIVATIONS } from '../../nodes/shared/trigger/state';
import { KEPT_FIELD_LENGTH, SAMPLE_ID_DIGITS, TRIGGER_LIMITS } from '../helpers/triggerLimits';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');

/** The numbers a README sentence states, or a failure naming the sentence that is missing. */
function stated(pattern: RegExp): number[] {
	const match = pattern.exec(readme);
	if (!match) throw new Error(`README no longer has a sentence matching ${pattern}`);
	return match.slice(1).map(Number);
}

test('the polling triggers: state size, activations watched, orders and messages', () => {
	expect(stated(/a hard cap keeps it under (\d+) KiB/)).toEqual([TRIGGER_LIMITS.stateKiB]);
	expect(
		stated(
			/(\d+) activations can be watched at once when their IDs have (\d+) digits.*?\((\d+) when phone, service and country reach the (\d+) characters the state keeps/,
		),
	).toEqual([TRIGGER_LIMITS.activationsTypical, SAMPLE_ID_DIGITS, TRIGGER_LIMITS.activationsLongest, KEPT_FIELD_LENGTH]);
	expect(stated(/(\d+) orders per trigger/)).toEqual([TRIGGER_LIMITS.ordersPerTrigger]);
	expect(stated(/older than the last (\d+) messages of its order/)).toEqual([TRIGGER_LIMITS.messagesRememberedPerOrder]);
});

test('the webhook trigger: deliveries remembered, for how long, and their size', () => {
	expect(stated(/the last \*\*(\d+)\*\* \(activation, code\) pairs, each for \*\*(\d+) hours\*\*.*? under (\d+) KiB\./)).toEqual([
		TRIGGER_LIMITS.webhookDeliveries,
		TRIGGER_LIMITS.webhookHours,
		TRIGGER_LIMITS.webhookKiB,
	]);
	expect(stated(/beyond (\d+) newer codes/)).toEqual([TRIGGER_LIMITS.webhookDeliveries]);
});

test('the samples measure the state budget, not the cap on entries', () => {
	// Short values fit more activations than the longest ones, and neither reaches MAX_ACTIVATIONS, so the byte
	// budget decides both numbers README gives.
	expect(TRIGGER_LIMITS.activationsTypical).toBeGreaterThan(TRIGGER_LIMITS.activationsLongest);
	expect(TRIGGER_LIMITS.activationsTypical).toBeLessThan(MAX_ACTIVATIONS);
});
