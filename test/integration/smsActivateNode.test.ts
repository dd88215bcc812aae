// The SMS-Activate Protocol node through n8n-core against each server flavour of the simulator: the same
// operations as RentVerify, the family's setStatus operations, what a server does not document refused
// before anything is sent, and the credential Test through the transport.
import { SmsActivateApi } from '../../credentials/SmsActivateApi.credentials';
import { SmsActivateTrigger } from '../../nodes/SmsActivate/SmsActivateTrigger.node';
import { FAMILY_SERVERS } from '../../nodes/shared/transport/activationServers';
import { runListSearch, runPoll, testCredential } from '../helpers/n8nCore';
import type { Flavour } from '../simulator';
import { DEMO_RENTVERIFY_TOKEN, byId, cents, sa, useFastPolling, useSuite } from './support';

const suite = useSuite();
const POLL_INTERVAL = useFastPolling();

/** Each listed server at its simulator flavour; the credential's Base URL Override points there. */
const servers = FAMILY_SERVERS.map((server) => ({ server: server.value, name: server.name, flavour: server.value as Flavour, spec: server }));

const credentialFor = (server: string, flavour: Flavour, apiKey = DEMO_RENTVERIFY_TOKEN) =>
	suite.credentials({ smsActivateApi: { server, apiKey, baseUrl: suite.sim.flavourUrl(flavour) } });

/** A purchase straight from the flavour (setup, not under test); returns its activation id. */
async function buyAt(flavour: Flavour, country = 6, service = 'tg'): Promise<string> {
	const url = new URL(suite.sim.flavourUrl(flavour));
	url.search = new URLSearchParams({ api_key: DEMO_RENTVERIFY_TOKEN, action: 'getNumber', service, country: String(country) }).toString();
	const text = await (await fetch(url)).text();
	const match = /^ACCESS_NUMBER:(\d+):/.exec(text);
	if (!match) throw new Error(`setup purchase at ${flavour} failed: ${text}`);
	return match[1];
}

describe.each(servers)('$name', ({ server, flavour, spec }) => {
	const credentials = () => ({ credentials: credentialFor(server, flavour) });

	test('Get Balance reads the account, named after the server', async () => {
		const result = await suite.run(sa('account', 'getBalance'), credentials());
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ provider: server, balance: suite.sim.flavours[flavour].balance(), currency: 'USD' }]);
	});

	test('Buy a number → Wait for the SMS code: the whole number with its code, bought once', async () => {
		const bought = await suite.run(sa('activation', 'buyNumber', { country: '6', service: 'tg' }), credentials());
		expect(bought.error).toBeUndefined();
		const [number] = bought.json;
		const activation = suite.sim.flavours[flavour].activation(String(number.id));
		expect(number).toMatchObject({ provider: server, id: activation.id, service: 'tg', country: '6', status: 'waiting' });
		expect(number.phoneNumber).toBe(`+${activation.phone}`);
		// One purchase request: getNumberV2 where the server documents it, which tells the cost (and, on
		// HeroSMS, the expiry) itself; else getNumber, with the cost and expiry from the active list where there is one.
		const v2 = spec.extensions.includes('getNumberV2');
		expect([suite.sim.count(flavour, 'getNumberV2'), suite.sim.count(flavour, 'getNumber')]).toEqual(v2 ? [1, 0] : [0, 1]);
		if (v2 || spec.extensions.includes('getActiveActivations')) expect(number.cost).toBe(activation.cost);
		if (flavour === 'heroSms') {
			expect(number.expiresAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
			expect(suite.sim.count(flavour, 'getActiveActivations')).toBe(0);
		}

		suite.sim.flavours[flavour].scriptCode(activation.id, { afterPolls: 1, code: '482913' });
		const waited = await suite.run(
			sa('activation', 'waitForCode', { activationId: byId('={{ $json.id }}'), pollInterval: POLL_INTERVAL, timeout: 20 }),
			{ ...credentials(), input: bought.json },
		);
		expect(waited.error).toBeUndefined();
		expect(waited.json[0]).toMatchObject({ provider: server, id: activation.id, status: 'received', code: '482913', phoneNumber: number.phoneNumber });
		expect(suite.sim.purchases(flavour)).toBe(1);
	}, 30_000);

	test('the Country and Service lists: from what the server publishes, or a clear "type the code" without a request', async () => {
		const search = (method: string, parameters = sa('activation', 'buyNumber', { country: { __rl: true, mode: 'list', value: '6' } })) =>
			runListSearch({ ...suite.loaderNode(parameters, credentialFor(server, flavour)), method });
		const log = suite.mark();

		if (spec.extensions.includes('getCountries')) {
			const { results } = await search('searchCountries');
			expect(results.length).toBeGreaterThan(0);
			expect(results.every((r) => typeof r.name === 'string' && r.name.length > 0 && /^\d+$/.test(String(r.value)))).toBe(true);
		} else {
			await expect(search('searchCountries')).rejects.toThrow(`${spec.name} does not publish a list of its countries. Type the country's code instead (By Code)`);
			expect(log()).toEqual([]);
		}

		if (spec.extensions.includes('getPrices')) {
			const { results } = await search('searchServices');
			const listed = suite.sim.flavours[flavour].prices().filter((p) => String(p.country) === '6').map((p) => p.service);
			expect(results.map((r) => r.value).sort()).toEqual([...new Set(listed)].sort());
			expect(results.length).toBeGreaterThan(0);
		} else {
			await expect(search('searchServices')).rejects.toThrow(`${spec.name} does not publish its services or prices. Type the service's code instead (By Code)`);
			expect(log().filter((r) => r.route !== 'getCountries')).toEqual([]);
		}
	});

	test('Finish, Mark Ready and Request Another SMS are sent where documented, refused before sending elsewhere', async () => {
		const id = await buyAt(flavour);
		suite.sim.flavours[flavour].deliverCode(id, '111222');
		const log = suite.mark();
		for (const [operation, status] of [['markReady', 1], ['requestAnotherSms', 3], ['finish', 6]] as const) {
			const result = await suite.run(sa('activation', operation, { activationId: byId(id) }), { ...credentials(), continueOnFail: true });
			if (spec.statuses.includes(status)) {
				// markReady after a code is refused by the server (BAD_STATUS) on some flavours: what matters is that it was sent once.
				const sent = log(flavour).filter((r) => r.query.status === String(status));
				expect({ status, sent: sent.length, item: sent.length === 1 ? 'sent' : result.json[0] }).toEqual({ status, sent: 1, item: 'sent' });
			} else {
				expect(result.json[0]).toMatchObject({ error: expect.stringMatching(new RegExp(`does not document setStatus ${status}`)) });
				expect(log(flavour).filter((r) => r.query.status === String(status))).toHaveLength(0);
			}
		}
		if (spec.statuses.includes(6)) expect(suite.sim.flavours[flavour].activation(id).status).toBe('finished');
	});

	test('an operation the server does not document fails before anything is sent, saying so', async () => {
		const undocumented = (['getActiveActivations', 'getNumbersStatus', 'getPrices', 'getCountries'] as const).find(
			(action) => !spec.extensions.includes(action),
		);
		if (undocumented === undefined) {
			// HeroSMS documents every extension: its lists are read.
			const listed = await suite.run(sa('catalog', 'getCountries'), credentials());
			expect(listed.error).toBeUndefined();
			expect(listed.json.length).toBeGreaterThan(0);
			return;
		}
		const operation = {
			getActiveActivations: sa('activation', 'getAll', { returnAll: true }),
			getNumbersStatus: sa('catalog', 'getAvailableNumbers', { country: '6' }),
			getPrices: sa('catalog', 'getPrices'),
			getCountries: sa('catalog', 'getCountries'),
		}[undocumented];
		const log = suite.mark();
		const result = await suite.run(operation, credentials());
		expect(result.status).toBe('error');
		expect(result.error.message).toBe(`${spec.name} does not document the "${undocumented}" action, so this operation is not available there`);
		expect(log(flavour)).toEqual([]);
	});

	test('credential Test: the right key passes, a refused key fails, balance reads only', async () => {
		const right = await testCredential(new SmsActivateApi(), credentialFor(server, flavour).smsActivateApi);
		expect(right).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrong = await testCredential(new SmsActivateApi(), credentialFor(server, flavour, 'f'.repeat(32)).smsActivateApi);
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/BAD_KEY|key|Unauthorized|401/i);
		expect(wrong.message).not.toContain('f'.repeat(32));
		// Only balance reads (n8n-core sends a read that got HTTP 401 once more, with fresh authentication).
		const sent = suite.sim.requests.filter((r) => r.provider === flavour);
		expect(sent.length).toBeGreaterThanOrEqual(2);
		expect(sent.every((r) => r.route === 'getBalance')).toBe(true);
	});
});

describe('the family beyond one server', () => {
	test('a BAD_KEY answered with HTTP 200 fails the credential Test', async () => {
		suite.sim.fault('smsHub', 'getBalance', { kind: 'word', status: 200, body: 'BAD_KEY' });
		const result = await testCredential(new SmsActivateApi(), credentialFor('smsHub', 'smsHub').smsActivateApi);
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/BAD_KEY/) });
	});

	test('Custom: any handler_api.php address, every action tried, the server’s own answer for what it lacks', async () => {
		const credentials = suite.credentials({ smsActivateApi: { server: 'custom', apiKey: DEMO_RENTVERIFY_TOKEN, baseUrl: suite.sim.flavourUrl('smsActivate') } });
		const balance = await suite.run(sa('account', 'getBalance'), { credentials });
		expect(balance.json).toEqual([{ provider: 'smsActivate', balance: 25.5, currency: 'USD' }]);
		const available = await suite.run(sa('catalog', 'getAvailableNumbers', { country: '6' }), { credentials });
		expect(available.error).toBeUndefined();
		expect(available.json).toEqual(expect.arrayContaining([expect.objectContaining({ provider: 'smsActivate', service: 'tg' })]));
	});

	test('getNumberV2 is a purchase like getNumber: a connection reset after it reached HeroSMS is not retried', async () => {
		suite.sim.fault('heroSms', 'getNumberV2', { kind: 'resetAfter' });
		const before = suite.sim.flavours.heroSms.balance();
		const result = await suite.run(sa('activation', 'buyNumber', { country: '6', service: 'tg' }), { credentials: credentialFor('heroSms', 'heroSms') });

		expect(suite.sim.count('heroSms', 'getNumberV2')).toBe(1);
		expect(suite.sim.count('heroSms', 'getNumber')).toBe(0);
		expect(suite.sim.purchases('heroSms')).toBe(1);
		expect(cents(suite.sim.flavours.heroSms.balance())).toBeLessThan(cents(before));
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/purchase request was sent.*may have gone through/);
		expect(result.error.description).toMatch(/not sent again/);
	});

	test('HeroSMS refuses an early cancel (409 EARLY_CANCEL_DENIED): a clear error, nothing refunded, sent once', async () => {
		suite.sim.flavours.heroSms.configure({ earlyCancelMs: 120_000 });
		const id = await buyAt('heroSms');
		const before = suite.sim.flavours.heroSms.balance();
		const result = await suite.run(sa('activation', 'cancel', { activationId: byId(id) }), { credentials: credentialFor('heroSms', 'heroSms') });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/EARLY_CANCEL_DENIED/);
		expect(suite.sim.count('heroSms', 'setStatus')).toBe(1);
		expect(cents(suite.sim.flavours.heroSms.balance())).toBe(cents(before));
		expect(suite.sim.flavours.heroSms.activation(id).status).toBe('waiting');
	});

	test('a server without an active list: the trigger asks for Activation IDs instead of guessing', async () => {
		const poll = runPoll({
			nodeType: new SmsActivateTrigger(),
			credentialTypes: [new SmsActivateApi()],
			credentials: credentialFor('smsHub', 'smsHub'),
			parameters: { event: 'newCode', filters: {}, options: {} },
		});
		await expect(poll).rejects.toThrow('SMSHub does not document a list of active activations, so the trigger cannot find new ones by itself');
	});
});
