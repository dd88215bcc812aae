// The signup chain as users draw it: Buy Number → Wait for Code → (on error) Cancel. The harness runs one
// of our nodes per workflow, so the nodes run in sequence: each one's output JSON is the next one's input,
// mapped with expressions exactly as in the editor ({{ $json.id }}).
import type { IDataObject } from 'n8n-workflow';

import { byId, cents, isErrorItem, paired, pairs, rv, useFastPolling, useSuite } from './support';

const suite = useSuite();
const POLL_INTERVAL = useFastPolling();

const buy = rv('activation', 'buyNumber', { country: '={{ $json.country }}', service: '={{ $json.service }}', options: { maxPrice: 2 } });
const waitForCode = (timeout: number, extra: Record<string, unknown> = {}) =>
	rv('activation', 'waitForCode', { activationId: byId('={{ $json.id }}'), pollInterval: POLL_INTERVAL, timeout, ...extra });
const cancel = rv('activation', 'cancel', { activationId: byId('={{ $json.id }}') });

test('Buy Number → Wait for Code: each signup gets its own number and code', async () => {
	const bought = await suite.run(buy, { input: [{ country: 'usa', service: 'tg' }, { country: 'india', service: 'wa' }] });
	expect(bought.status).toBe('success');
	const [first, second] = bought.json;
	suite.sim.rentVerify.scriptCode(first.id as string, { afterPolls: 1, code: '314159' });
	suite.sim.rentVerify.scriptCode(second.id as string, { afterPolls: 0, code: '271828' });

	const log = suite.mark();
	const waited = await suite.run(waitForCode(15), { input: bought.json });

	expect(waited.status).toBe('success');
	expect(pairs(waited.items)).toEqual(paired(0, 1));
	// The whole number with its code: what Buy a Number knew comes with the item, nothing known is null.
	const number = ({ phoneNumber, service, country, cost, expiresAt }: IDataObject) => ({ phoneNumber, service, country, cost, expiresAt });
	expect(waited.json).toEqual([
		expect.objectContaining({ ...number(first), id: first.id, status: 'received', code: '314159' }),
		expect.objectContaining({ ...number(second), id: second.id, status: 'received', code: '271828' }),
	]);
	for (const item of waited.json) for (const value of Object.values(number(item))) expect(value).not.toBeNull();
	// Everything came from the input items: the active list was not read.
	expect(log('rentVerify', 'getActiveActivations')).toEqual([]);
	expect(suite.sim.purchases('rentVerify')).toBe(2);
	expect(suite.sim.count('rentVerify', 'getNumber')).toBe(2);
	expect(suite.sim.count('rentVerify', 'setStatus')).toBe(0);
	expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.5 - 0.3));
}, 20_000);

test('Buy Number → Wait for Code → on error Cancel: only the signup that got no code is cancelled and refunded', async () => {
	const bought = await suite.run(buy, { input: [{ country: 'usa', service: 'tg' }, { country: 'usa', service: 'wa' }] });
	expect(bought.status).toBe('success');
	const [lucky, unlucky] = bought.json;
	suite.sim.rentVerify.scriptCode(lucky.id as string, { afterPolls: 0, code: '161803' });

	// The wait keeps numbers on timeout, so the chain's Cancel node is what cancels them.
	const waited = await suite.run(waitForCode(3, { options: { cancelOnTimeout: false } }), {
		input: bought.json,
		continueOnFail: true,
	});
	expect(waited.status).toBe('success');
	expect(pairs(waited.items)).toEqual(paired(0, 1));
	expect(waited.json[0]).toMatchObject({ id: lucky.id, code: '161803' });
	expect(isErrorItem(waited.items[1])).toBe(true);
	expect(waited.json[1].error).toContain(`No SMS arrived for activation ${unlucky.id}`);

	// The error branch: each error item leads back (pairedItem) to the Buy Number item it came from.
	const failed: IDataObject[] = waited.items
		.filter(isErrorItem)
		.map((item) => bought.json[(item.pairedItem as { item: number }).item]);
	expect(failed.map((f) => f.id)).toEqual([unlucky.id]);

	const cancelled = await suite.run(cancel, { input: failed });
	expect(cancelled.status).toBe('success');
	expect(cancelled.json).toEqual([expect.objectContaining({ id: unlucky.id, cancelled: true, cost: 1.2, refund: 1.1 })]);

	expect(suite.sim.rentVerify.activation(lucky.id as string).status).toBe('received');
	expect(suite.sim.rentVerify.activation(unlucky.id as string).status).toBe('cancelled');
	expect(suite.sim.count('rentVerify', 'setStatus')).toBe(1);
	expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.5 - 0.1));
}, 20_000);
