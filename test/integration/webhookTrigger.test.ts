// The SMS-Activate Protocol Webhook Trigger through n8n-core's WebhookContext, pushed to by the simulator's
// servers over real HTTP with their documented bodies and retry policies (webhookSupport.ts stands in for
// n8n's webhook endpoint): one execution per code, repeats answered 200 without one, a body that is not an
// SMS answered 400 (or 422 by n8n's own parser when it is not JSON), an activation the account does not have
// answered 200 and ignored, and the memory across requests that n8n handles at the same time or after a restart.
import { SmsActivateApi } from '../../credentials/SmsActivateApi.credentials';
import { LOOKUP_TIMEOUT_MS } from '../../nodes/shared/webhook/receive';
import { SEEN_VERSION, forgetDeliveries } from '../../nodes/shared/webhook/seen';
import { DEMO_FLAVOUR_KEYS, type Flavour, type Simulator, type WebhookFlavour, startSimulator } from '../simulator';
import { type ReceiverOptions, type WebhookReceiver, activate, startReceiver } from './webhookSupport';

/** Each server that documents a webhook; sms-activate itself (closed) through the credential's Custom server. */
const servers: Array<{ flavour: WebhookFlavour; server: string; provider: string; attempts: number }> = [
	{ flavour: 'heroSms', server: 'heroSms', provider: 'heroSms', attempts: 8 },
	{ flavour: 'smsBower', server: 'smsBower', provider: 'smsBower', attempts: 3 },
	{ flavour: 'smsOnline', server: 'smsOnline', provider: 'smsOnline', attempts: 1 },
	{ flavour: 'smsActivate', server: 'custom', provider: 'smsActivate', attempts: 8 },
];

let sim: Simulator;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
	sim = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null });
});

afterAll(async () => {
	await Promise.all(receivers.map((receiver) => receiver.close()));
	await sim?.close();
});

beforeEach(() => {
	sim.reset();
	forgetDeliveries();
});

const credentialsFor = (flavour: Flavour, server: string) => ({
	server,
	apiKey: DEMO_FLAVOUR_KEYS[flavour],
	baseUrl: sim.flavourUrl(flavour),
});

async function receiver(flavour: Flavour, server: string, extra: Partial<ReceiverOptions> = {}): Promise<WebhookReceiver> {
	const started = await startReceiver({ credentials: credentialsFor(flavour, server), ...extra });
	receivers.push(started);
	return started;
}

/** A purchase straight from the flavour, as a client would make it (setup, not under test). */
async function buy(flavour: Flavour, country = 2, service = 'tg'): Promise<string> {
	const url = new URL(sim.flavourUrl(flavour));
	url.search = new URLSearchParams({ api_key: DEMO_FLAVOUR_KEYS[flavour], action: 'getNumber', service, country: String(country) }).toString();
	const text = await (await fetch(url)).text();
	const match = /^ACCESS_NUMBER:(\d+):/.exec(text);
	if (!match) throw new Error(`setup purchase at ${flavour} failed: ${text}`);
	return match[1];
}

async function post(target: WebhookReceiver, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
	const text = await response.text();
	return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

describe.each(servers)('$flavour pushing to the trigger', ({ flavour, server, provider, attempts }) => {
	test('each code starts one execution, with the output contract; a repeat and a retried code are answered 200 without one', async () => {
		const hook = await receiver(flavour, server);
		sim.setWebhook(flavour, hook.url);
		const id = await buy(flavour);

		sim.flavours[flavour].deliverCode(id, '418273', { text: 'Your Telegram code: 418273' });
		await sim.webhooksIdle();
		expect(hook.items()).toEqual([
			expect.objectContaining({
				eventId: `${provider}:${id}:418273`,
				provider,
				id,
				status: 'received',
				code: '418273',
				codeAsSent: '418273',
				service: 'tg',
				country: '2',
				text: 'Your Telegram code: 418273',
				raw: expect.objectContaining({ code: '418273' }),
			}),
		]);
		const [item] = hook.items();
		expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
		expect(String(item.receivedAt)).toMatch(/Z$/);
		expect(sim.webhookDeliveries.map((d) => [d.kind, d.status])).toEqual([['code', 200]]);
		expect(hook.answerBodies()).toEqual([{ status: 'received', message: 'Workflow was started' }]);

		const repeat = await sim.sendWebhook(flavour, 'repeat');
		expect(repeat.map((d) => d.status)).toEqual([200]);
		expect(hook.answerBodies().at(-1)).toMatchObject({ status: 'duplicate' });
		expect(hook.executions).toHaveLength(1);

		// Another SMS on the same activation is a new code.
		sim.flavours[flavour].requestRetry(id);
		sim.flavours[flavour].deliverCode(id, '552901');
		await sim.webhooksIdle();
		expect(hook.items().map((i) => i.eventId)).toEqual([`${provider}:${id}:418273`, `${provider}:${id}:552901`]);
		expect(hook.nodeStaticData).toMatchObject({ v: SEEN_VERSION, seen: [[`${id}:418273`, expect.any(Number)], [`${id}:552901`, expect.any(Number)]] });
	});

	test('an activation the account does not have: asked once, answered 200, ignored; no retry', async () => {
		const hook = await receiver(flavour, server);
		sim.setWebhook(flavour, hook.url);
		const deliveries = await sim.sendWebhook(flavour, 'unknownActivation');
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		expect(hook.answerBodies()).toEqual([expect.objectContaining({ status: 'ignored' })]);
		expect(hook.executions).toEqual([]);
		expect(sim.count(flavour, 'getStatus')).toBe(1);
	});

	test(`a body that is not JSON: n8n answers 422 before the node runs, every documented attempt (${attempts}); nothing starts`, async () => {
		const hook = await receiver(flavour, server);
		sim.setWebhook(flavour, hook.url);
		const deliveries = await sim.sendWebhook(flavour, 'malformed');
		expect(deliveries.map((d) => d.status)).toEqual(Array(attempts).fill(422));
		expect(hook.executions).toEqual([]);
		expect(hook.staticData).toBe('');
	});

	test('JSON that is not an SMS: the node answers 400 with the reason; nothing starts', async () => {
		const hook = await receiver(flavour, server);
		sim.setWebhook(flavour, hook.url);
		const deliveries = await sim.sendWebhook(flavour, 'malformed', { body: '{"activationId":"abc","code":"12345"}' });
		expect(deliveries.map((d) => d.status)).toEqual(Array(attempts).fill(400));
		expect(hook.answerBodies()[0]).toEqual({ status: 'rejected', message: 'Not an SMS push: activationId is not an activation ID' });
		expect(hook.executions).toEqual([]);
		expect(sim.count(flavour, 'getStatus')).toBe(0);
	});
});

describe('delivery edge cases (HeroSMS)', () => {
	const flavour = 'heroSms';

	test('n8n fails to create the execution (500): the server retries, and the retry starts it once', async () => {
		const hook = await receiver(flavour, 'heroSms');
		sim.setWebhook(flavour, hook.url);
		hook.failExecutions = 1;
		const id = await buy(flavour);
		sim.flavours[flavour].deliverCode(id, '274615');
		await sim.webhooksIdle();
		expect(sim.webhookDeliveries.map((d) => d.status)).toEqual([500, 200]);
		expect(hook.items().map((i) => i.code)).toEqual(['274615']);
	});

	test('the same code pushed twice at the same moment starts one execution', async () => {
		const hook = await receiver(flavour, 'heroSms');
		sim.setWebhook(flavour, hook.url);
		const id = await buy(flavour);
		sim.flavours[flavour].deliverCode(id, '111222');
		await sim.webhooksIdle();
		const body = sim.webhookDeliveries[0].body;
		sim.fault(flavour, 'getStatus', { kind: 'latency', ms: 300, times: 2 });
		const answers = await Promise.all([post(hook, body.replaceAll('111222', '333444')), post(hook, body.replaceAll('111222', '333444'))]);
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(answers.map((a) => a.json.status).sort()).toEqual(['duplicate', 'received']);
		expect(hook.items().map((i) => i.code)).toEqual(['111222', '333444']);
	});

	test('two codes handled at the same moment: the memory one save lost is written back with the next push', async () => {
		const hook = await receiver(flavour, 'heroSms');
		sim.setWebhook(flavour, hook.url);
		const [a, b, c] = [await buy(flavour), await buy(flavour), await buy(flavour)];
		sim.fault(flavour, 'getStatus', { kind: 'latency', ms: 300, times: 2 });
		sim.flavours[flavour].deliverCode(a, '100001');
		sim.flavours[flavour].deliverCode(b, '100002');
		await sim.webhooksIdle();
		expect(hook.executions).toHaveLength(2);
		// Both requests loaded the memory before either saved it: the later save holds one key only.
		expect((hook.nodeStaticData.seen as unknown[]).length).toBe(1);
		sim.flavours[flavour].deliverCode(c, '100003');
		await sim.webhooksIdle();
		expect((hook.nodeStaticData.seen as Array<[string]>).map(([key]) => key).sort()).toEqual([`${a}:100001`, `${b}:100002`, `${c}:100003`]);
		// So repeats of both are still repeats, from the saved memory alone (after a restart).
		forgetDeliveries();
		expect((await sim.sendWebhook(flavour, 'repeat', { activationId: a })).map((d) => d.status)).toEqual([200]);
		expect((await sim.sendWebhook(flavour, 'repeat', { activationId: b })).map((d) => d.status)).toEqual([200]);
		expect(hook.executions).toHaveLength(3);
	});

	test('after an n8n restart the saved memory still knows a repeat', async () => {
		const first = await receiver(flavour, 'heroSms');
		sim.setWebhook(flavour, first.url);
		const id = await buy(flavour);
		sim.flavours[flavour].deliverCode(id, '918273');
		await sim.webhooksIdle();
		forgetDeliveries();
		const second = await receiver(flavour, 'heroSms', { staticData: first.staticData });
		sim.setWebhook(flavour, second.url);
		await sim.sendWebhook(flavour, 'repeat');
		expect(second.answerBodies()).toEqual([expect.objectContaining({ status: 'duplicate' })]);
		expect(second.executions).toEqual([]);
	});

	test('the server cannot be asked in time: the code starts the workflow all the same, within HeroSMS’s 3 s', async () => {
		const hook = await receiver(flavour, 'heroSms');
		// HeroSMS gives up on an answer after 3 s and sends the push again (the simulator's default for it): the
		// receiver's own limit on asking is below that.
		const documented = sim.setWebhook(flavour, hook.url)!.timeoutMs;
		expect(documented).toBe(3000);
		expect(LOOKUP_TIMEOUT_MS).toBeLessThan(documented);
		// Here the server waits for the answer as long as it takes, so only the receiver giving up on the
		// question can end the push (however fast or slow the machine): otherwise the test runs out of time.
		sim.setWebhook(flavour, hook.url, { timeoutMs: 600_000 });
		const id = await buy(flavour);
		sim.fault(flavour, 'getStatus', { kind: 'hang' });
		sim.flavours[flavour].deliverCode(id, '707070');
		await sim.webhooksIdle();
		// The receiver asked once and the question was never answered…
		expect(sim.requests.filter((r) => r.route === 'getStatus')).toEqual([expect.objectContaining({ query: expect.objectContaining({ id }), status: null })]);
		// …yet the first push was answered 200, once.
		expect(sim.webhookDeliveries.map((d) => [d.attempt, d.status, d.error])).toEqual([[1, 200, null]]);
		expect(hook.items().map((i) => i.code)).toEqual(['707070']);
	});

	test('a server error while asking: the code starts the workflow all the same', async () => {
		const hook = await receiver(flavour, 'heroSms');
		sim.setWebhook(flavour, hook.url);
		const id = await buy(flavour);
		sim.fault(flavour, 'getStatus', { kind: 'status', status: 500 });
		sim.flavours[flavour].deliverCode(id, '808080');
		await sim.webhooksIdle();
		expect(hook.items().map((i) => i.code)).toEqual(['808080']);
	});

	test('with Check Each Activation off, nothing is asked and an unknown activation starts the workflow', async () => {
		const hook = await receiver(flavour, 'heroSms', { parameters: { options: { checkActivation: false } } });
		sim.setWebhook(flavour, hook.url);
		await sim.sendWebhook(flavour, 'unknownActivation');
		expect(sim.count(flavour, 'getStatus')).toBe(0);
		expect(hook.items()).toEqual([expect.objectContaining({ provider: 'heroSms', code: '12345' })]);
	});

	test('listening for a test event: every push is shown, the memory of the published workflow untouched', async () => {
		const hook = await receiver(flavour, 'heroSms', { mode: 'manual' });
		sim.setWebhook(flavour, hook.url);
		const id = await buy(flavour);
		sim.flavours[flavour].deliverCode(id, '123123');
		await sim.webhooksIdle();
		await sim.sendWebhook(flavour, 'repeat');
		expect(hook.items().map((i) => i.code)).toEqual(['123123', '123123']);
		expect(hook.staticData).toBe('');
	});

	test('a long activation ID beyond 2^53 sent as a JSON number stays exact', async () => {
		const hook = await receiver(flavour, 'heroSms', { parameters: { options: { checkActivation: false } } });
		const answer = await post(hook, '{"activationId":98765432109876543210,"service":"tg","text":null,"code":"55555","country":2,"receivedAt":"2025-12-16T10:30:00.000000Z"}');
		expect(answer.status).toBe(200);
		expect(hook.items()[0]).toMatchObject({ id: '98765432109876543210', eventId: 'heroSms:98765432109876543210:55555', receivedAt: '2025-12-16T10:30:00.000Z' });
	});
});

describe('activation (webhookMethods)', () => {
	test.each(['heroSms', 'smsBower', 'smsOnline', 'custom'])('%s: nothing to register, the URL is set in the account', async (server) => {
		await expect(activate({ credentials: { server, apiKey: 'k', baseUrl: '' } })).resolves.toBe(true);
	});

	test.each(['grizzlySms', 'smsHub', 'sms365', 'smsMan', 'onlinesim'])('%s documents no webhook: the activation fails, saying what to use', async (server) => {
		await expect(activate({ credentials: { server, apiKey: 'k', baseUrl: '' } })).rejects.toThrow(/does not document a webhook that pushes codes/);
	});

	test('the credential type is the family’s', () => {
		expect(new SmsActivateApi().name).toBe('smsActivateApi');
	});
});
