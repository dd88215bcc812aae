// Every RentVerify operation of the action node (except the waits) through n8n-core's real execution
// against the simulator: several input items, parameters given as expressions, pairing, output shapes,
// and what the simulator saw and did.
import { NodeApiError } from 'n8n-workflow';

import { E164, ISO_UTC, buyDirect, byId, cents, errorItem, paired, pairs, rv, useSuite } from './support';

const suite = useSuite();

describe('Account → Get Balance', () => {
	test('outputs the balance as a number for each input item', async () => {
		suite.sim.rentVerify.setBalance(12.34);
		const log = suite.mark();
		const result = await suite.run(rv('account', 'getBalance'), { input: [{}, {}] });

		expect(result.status).toBe('success');
		expect(result.json).toEqual([
			{ provider: 'rentVerify', balance: 12.34, currency: 'USD' },
			{ provider: 'rentVerify', balance: 12.34, currency: 'USD' },
		]);
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(log('rentVerify', 'getBalance')).toHaveLength(2);
		expect(log().every((r) => r.method === 'GET' && r.status === 200)).toBe(true);
	});
});

describe('Catalog', () => {
	test('Get Countries lists every country, one output item each, all paired to their input', async () => {
		const log = suite.mark();
		const result = await suite.run(rv('catalog', 'getCountries'), { input: [{ a: 1 }, { a: 2 }] });

		expect(result.status).toBe('success');
		const countries = [
			{ provider: 'rentVerify', id: 'usa', name: 'United States' },
			{ provider: 'rentVerify', id: 'england', name: 'England' },
			{ provider: 'rentVerify', id: 'india', name: 'India' },
		];
		expect(result.json).toEqual([...countries, ...countries]);
		expect(pairs(result.items)).toEqual(paired(0, 0, 0, 1, 1, 1));
		expect(log('rentVerify', 'getCountries')).toHaveLength(2);
	});

	test('Get Services takes the country from an expression, per item', async () => {
		const log = suite.mark();
		const result = await suite.run(rv('catalog', 'getServices', { country: '={{ $json.country }}' }), {
			input: [{ country: 'india' }, { country: 'england' }],
		});

		expect(result.status).toBe('success');
		expect(result.json).toEqual([
			{ provider: 'rentVerify', country: 'india', code: 'tg', name: 'Telegram' },
			{ provider: 'rentVerify', country: 'india', code: 'wa', name: 'WhatsApp' },
			{ provider: 'rentVerify', country: 'india', code: 'google', name: 'Google' },
			{ provider: 'rentVerify', country: 'england', code: 'tg', name: 'Telegram' },
			{ provider: 'rentVerify', country: 'england', code: 'wa', name: 'WhatsApp' },
			{ provider: 'rentVerify', country: 'england', code: 'facebook', name: 'Facebook' },
		]);
		expect(pairs(result.items)).toEqual(paired(0, 0, 0, 1, 1, 1));
		expect(log('rentVerify', 'getServices').map((r) => r.query)).toEqual([{ country: 'india' }, { country: 'england' }]);
	});

	test('Get Prices without filters lists every country × service with number prices and the price ID', async () => {
		const result = await suite.run(rv('catalog', 'getPrices'));

		expect(result.status).toBe('success');
		const prices = suite.sim.state().rentVerify.prices;
		const expected = Object.entries(prices).flatMap(([country, services]) =>
			Object.entries(services).map(([service, offer]) => ({
				provider: 'rentVerify',
				country,
				service,
				price: offer.price,
				available: offer.available,
				priceId: offer.price_id,
			})),
		);
		expect(expected).toHaveLength(10);
		expect(result.json).toEqual(expected);
		expect(pairs(result.items)).toEqual(expected.map(() => ({ item: 0 })));
	});

	test('Get Prices filters by country and service (expressions) and by availability', async () => {
		const log = suite.mark();
		const result = await suite.run(
			rv('catalog', 'getPrices', { filters: { country: '={{ $json.country }}', service: '={{ $json.service }}' } }),
			{ input: [{ country: 'USA', service: 'tg' }, { country: 'england', service: '' }] },
		);

		expect(result.status).toBe('success');
		expect(result.json.map((o) => `${o.country}.${o.service}`)).toEqual([
			'usa.tg',
			'england.tg',
			'england.wa',
			'england.facebook',
		]);
		expect(result.json[0]).toMatchObject({ price: 0.5, available: 120, priceId: expect.any(String) });
		expect(pairs(result.items)).toEqual(paired(0, 1, 1, 1));
		expect(log('rentVerify', 'getPrices')).toHaveLength(2);

		const available = await suite.run(rv('catalog', 'getPrices', { filters: { country: 'england', onlyAvailable: true } }));
		expect(available.json.map((o) => o.service)).toEqual(['tg', 'wa']);
		expect(available.json.every((o) => typeof o.price === 'number' && (o.available as number) > 0)).toBe(true);
	});
});

describe('Activation → Buy Number', () => {
	test('buys one number per item (country and service from expressions) with the documented output', async () => {
		const log = suite.mark();
		const result = await suite.run(
			rv('activation', 'buyNumber', { country: '={{ $json.country }}', service: '={{ $json.service }}' }),
			{ input: [{ country: 'usa', service: 'tg' }, { country: 'india', service: 'wa' }] },
		);

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		const activations = suite.sim.rentVerify.activations();
		expect(activations).toHaveLength(2);
		expect(suite.sim.purchases('rentVerify')).toBe(2);
		expect(log('rentVerify', 'getNumber').map((r) => r.query)).toEqual([
			{ service: 'tg', country: 'usa' },
			{ service: 'wa', country: 'india' },
		]);
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.5 - 0.3));

		result.json.forEach((out, i) => {
			const a = activations[i];
			expect(out).toEqual({
				provider: 'rentVerify',
				id: a.id,
				phoneNumber: a.phone,
				service: a.service,
				country: a.country,
				status: 'waiting',
				code: null,
				codeAsSent: null,
				cost: a.cost,
				expiresAt: expect.stringMatching(ISO_UTC),
				raw: { answer: `ACCESS_NUMBER:${a.id}:${a.phone}` },
			});
			expect(typeof out.id).toBe('string');
			expect(Number(out.id)).toBeGreaterThan(2 ** 32);
			expect(out.phoneNumber).toMatch(E164);
			expect(typeof out.cost).toBe('number');
			expect(Math.abs(Date.parse(out.expiresAt as string) - a.expiresAt)).toBeLessThan(1000);
		});
		expect(result.json[0].cost).toBe(0.5);
		expect(result.json[1].cost).toBe(0.3);
	});

	test('a bought number stays bought when only the follow-up read of its details fails', async () => {
		suite.sim.fault('rentVerify', 'getActiveActivations', { kind: 'word', body: 'BAD_ACTION', status: 400 });
		const result = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'google' }));

		expect(result.status).toBe('success');
		const [a] = suite.sim.rentVerify.activations();
		expect(result.json[0]).toMatchObject({ id: a.id, phoneNumber: a.phone, status: 'waiting', expiresAt: null });
		expect(suite.sim.count('rentVerify', 'getActiveActivations')).toBe(1);
		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(1);
		expect(suite.sim.purchases('rentVerify')).toBe(1);
	});
});

describe('Activation → Get Status', () => {
	test('reports waiting and received per item, the activation ID from an expression', async () => {
		const waiting = await buyDirect(suite.sim, 'usa', 'tg');
		const received = await buyDirect(suite.sim, 'india', 'google');
		suite.sim.rentVerify.deliverCode(received, 'G-48213');
		const log = suite.mark();

		const result = await suite.run(rv('activation', 'getStatus', { activationId: byId('={{ $json.id }}') }), {
			input: [{ id: waiting }, { id: received }],
		});

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toEqual({
			provider: 'rentVerify',
			id: waiting,
			status: 'waiting',
			phoneNumber: null,
			service: null,
			country: null,
			code: null,
			codeAsSent: null,
			cost: null,
			expiresAt: null,
			raw: { answer: 'STATUS_WAIT_CODE' },
		});
		expect(result.json[1]).toMatchObject({
			id: received,
			status: 'received',
			code: '48213',
			codeAsSent: 'G-48213',
			raw: { answer: 'STATUS_OK:G-48213' },
		});
		expect(log('rentVerify', 'getStatus').map((r) => r.query)).toEqual([{ id: waiting }, { id: received }]);
	});

	test('STATUS_WAIT_RETRY gives the old code as previousCode, never as the code', async () => {
		const id = await buyDirect(suite.sim);
		suite.sim.rentVerify.deliverCode(id, '111111');
		suite.sim.rentVerify.requestRetry(id);

		const result = await suite.run(rv('activation', 'getStatus', { activationId: byId(id) }));

		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ id, status: 'waitingRetry', code: null, codeAsSent: null, previousCode: '111111' });
	});

	test('a cancelled activation reports cancelled', async () => {
		const id = await buyDirect(suite.sim);
		await suite.run(rv('activation', 'cancel', { activationId: byId(id) }));
		const result = await suite.run(rv('activation', 'getStatus', { activationId: byId(id) }));
		expect(result.json[0]).toMatchObject({ id, status: 'cancelled', raw: { answer: 'STATUS_CANCEL' } });
	});
});

describe('Activation → Cancel', () => {
	test('cancels each item and reports the refund; the simulator refunds cost minus $0.10', async () => {
		const a = await buyDirect(suite.sim, 'usa', 'wa'); // 1.20
		const b = await buyDirect(suite.sim, 'india', 'tg'); // 0.20
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 1.2 - 0.2));
		const log = suite.mark();

		const result = await suite.run(rv('activation', 'cancel', { activationId: byId('={{ $json.id }}') }), {
			input: [{ id: a }, { id: b }],
		});

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json).toEqual([
			{ provider: 'rentVerify', id: a, cancelled: true, status: 'cancelled', cost: 1.2, refund: 1.1, raw: { answer: 'ACCESS_CANCEL' } },
			{ provider: 'rentVerify', id: b, cancelled: true, status: 'cancelled', cost: 0.2, refund: 0.1, raw: { answer: 'ACCESS_CANCEL' } },
		]);
		expect(suite.sim.rentVerify.activation(a).status).toBe('cancelled');
		expect(suite.sim.rentVerify.activation(b).status).toBe('cancelled');
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.1 - 0.1));
		expect(log('rentVerify', 'setStatus').map((r) => r.query)).toEqual([
			{ id: a, status: '8' },
			{ id: b, status: '8' },
		]);
	});

	test('a number that already received its SMS is not cancelled: the provider answer reaches the user verbatim', async () => {
		const id = await buyDirect(suite.sim);
		suite.sim.rentVerify.deliverCode(id, '555111');
		const before = suite.sim.rentVerify.balance();

		const result = await suite.run(rv('activation', 'cancel', { activationId: byId(id) }));

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toContain('Cannot cancel: this number has already received an SMS');
		expect(result.error.description).toMatch(/nothing was refunded/i);
		expect(suite.sim.rentVerify.balance()).toBe(before);
		expect(suite.sim.count('rentVerify', 'setStatus')).toBe(1);
	});

	test('under Continue On Fail a refused cancel is an error item paired to its input, the others are cancelled', async () => {
		const ok = await buyDirect(suite.sim);
		const done = await buyDirect(suite.sim);
		suite.sim.rentVerify.deliverCode(done, '909090');

		const result = await suite.run(rv('activation', 'cancel', { activationId: byId('={{ $json.id }}') }), {
			input: [{ id: done }, { id: ok }],
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toEqual(errorItem(/did not cancel.*already received an SMS/, /refunded/));
		expect(result.json[1]).toMatchObject({ id: ok, cancelled: true });
		expect(suite.sim.rentVerify.activation(ok).status).toBe('cancelled');
		expect(suite.sim.rentVerify.activation(done).status).toBe('received');
	});
});

describe('Activation → Get Many', () => {
	test('lists the active activations, normalized, with Limit per input item', async () => {
		const a = await buyDirect(suite.sim, 'usa', 'tg');
		const b = await buyDirect(suite.sim, 'england', 'wa');
		const c = await buyDirect(suite.sim, 'india', 'google');
		suite.sim.rentVerify.deliverCode(b, '123456');
		await suite.run(rv('activation', 'cancel', { activationId: byId(c) }));

		const all = await suite.run(rv('activation', 'getAll', { returnAll: true }));
		expect(all.status).toBe('success');
		expect(all.json.map((o) => o.id)).toEqual([a, b]);
		const [sa, sb] = [suite.sim.rentVerify.activation(a), suite.sim.rentVerify.activation(b)];
		expect(all.json[0]).toMatchObject({
			provider: 'rentVerify',
			id: a,
			phoneNumber: sa.phone,
			service: 'tg',
			country: 'usa',
			status: 'waiting',
			cost: 0.5,
			expiresAt: expect.stringMatching(ISO_UTC),
		});
		expect(all.json[1]).toMatchObject({ id: b, phoneNumber: sb.phone, status: 'received', cost: 0.9 });
		expect(all.json[0].phoneNumber).toMatch(E164);
		expect(pairs(all.items)).toEqual(paired(0, 0));

		const limited = await suite.run(rv('activation', 'getAll', { returnAll: false, limit: '={{ $json.limit }}' }), {
			input: [{ limit: 1 }, { limit: 2 }],
		});
		expect(limited.json.map((o) => o.id)).toEqual([a, a, b]);
		expect(pairs(limited.items)).toEqual(paired(0, 1, 1));
	});

	test('an empty account gives no items', async () => {
		const result = await suite.run(rv('activation', 'getAll', { returnAll: true }));
		expect(result.status).toBe('success');
		expect(result.items).toEqual([]);
		expect(suite.sim.count('rentVerify', 'getActiveActivations')).toBe(1);
	});
});

describe('reads that serve every item are made once per execution', () => {
	test('Buy Number for 3 items with Max Price: 1 price table, 3 purchases, 1 active list, every number with its details', async () => {
		const log = suite.mark();
		const result = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'tg', options: { maxPrice: 2 } }), {
			input: [{}, {}, {}],
		});

		expect(result.status).toBe('success');
		expect(result.json).toHaveLength(3);
		for (const number of result.json) expect(number).toMatchObject({ cost: 0.5, expiresAt: expect.stringMatching(ISO_UTC) });
		expect(log('rentVerify').map((r) => r.route)).toEqual(['getPrices', 'getNumber', 'getNumber', 'getNumber', 'getActiveActivations']);
	});

	test('Cancel for 3 items: 1 active list before the first cancel, 3 cancels, each refund from that list', async () => {
		const ids = [await buyDirect(suite.sim), await buyDirect(suite.sim), await buyDirect(suite.sim)];
		const log = suite.mark();
		const result = await suite.run(rv('activation', 'cancel', { activationId: byId('={{ $json.id }}') }), { input: ids.map((id) => ({ id })) });

		expect(result.status).toBe('success');
		expect(result.json.map((item) => item.refund)).toEqual([0.4, 0.4, 0.4]);
		expect(log('rentVerify').map((r) => r.route)).toEqual(['getActiveActivations', 'setStatus', 'setStatus', 'setStatus']);
	});
});
