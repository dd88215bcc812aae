// The SMS-Activate Protocol Webhook Trigger inside a real `n8n start` (the pinned 2.41.1): a published
// workflow whose production URL is set as the simulator's HeroSMS webhook. Each code the server pushes must
// start exactly one execution; a repeated delivery, a body that is not an SMS and an activation the account
// does not have must be answered without one. Executions are read through n8n's REST API, logged in as the
// owner n8n creates from its env. One n8n start (≈ 15 s); deliveries are answered in milliseconds.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_FLAVOUR_KEYS, type Simulator, startSimulator } from '../simulator';
import { ROOT, type Credential, type RunningN8n, progress, runtime } from './harness';
import { N8nRest, type Owner, type TriggerExecution, login, makeOwner, publishWorkflow, querySqlite, waitFor } from './triggerSupport';

const WORKFLOW_ID = 'e2eWebhookTrigger01';
const NODE_NAME = 'SMS-Activate Protocol Webhook Trigger';
const NODE_TYPE = 'n8n-nodes-sms-verification.smsActivateWebhookTrigger';
// The editor gives every webhook node a UUID when it is added; the production URL is built from it.
const WEBHOOK_ID = '0d9c2f4e-7b1a-4f6e-9a43-5e2b8c1d7f60';
const FLAVOUR = 'heroSms';
const SETTLE_MS = 1500; // after an answer: n8n finishing the execution and listing it

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function webhookWorkflow(credential: Credential) {
	return {
		id: WORKFLOW_ID,
		name: 'Pushed SMS codes',
		active: false,
		nodes: [
			{
				id: `${WORKFLOW_ID}-trigger`,
				name: NODE_NAME,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

describe('SMS-Activate Protocol Webhook Trigger in a real n8n', () => {
	let runtimeDir: string;
	let simulator: Simulator;
	let userFolder: string;
	let owner: Owner;
	let n8n: RunningN8n | undefined;
	let rest: N8nRest;
	let productionUrl: string;

	const executions = () => rest.triggerExecutions(WORKFLOW_ID, NODE_NAME);
	const codesOf = (list: TriggerExecution[]) => list.flatMap((e) => e.items.map((item) => String(item.code)));

	async function explained<T>(step: Promise<T>): Promise<T> {
		try {
			return await step;
		} catch (error) {
			throw new Error(`${(error as Error).message}\n--- n8n output (end)\n${(n8n?.output() ?? '').slice(-5000)}`);
		}
	}

	async function executionsWith(count: number): Promise<TriggerExecution[]> {
		return await explained(
			waitFor(`${count} executions`, async () => {
				const list = await executions();
				return list.length >= count ? list : undefined;
			}, { timeoutMs: 20_000, intervalMs: 500 }),
		);
	}

	async function buy(): Promise<string> {
		const url = new URL(simulator.flavourUrl(FLAVOUR));
		url.search = new URLSearchParams({ api_key: DEMO_FLAVOUR_KEYS[FLAVOUR], action: 'getNumber', service: 'tg', country: '6' }).toString();
		const text = await (await fetch(url)).text();
		const match = /^ACCESS_NUMBER:(\d+):/.exec(text);
		if (!match) throw new Error(`setup purchase failed: ${text}`);
		return match[1];
	}

	async function post(body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
		const response = await fetch(productionUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
		return { status: response.status, text: await response.text() };
	}

	beforeAll(async () => {
		runtimeDir = (await runtime.ensureN8n({ log: progress })).dir;
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-webhook-'));
		runtime.linkPackage(userFolder, ROOT);
		owner = makeOwner(runtimeDir);
		const credential: Credential = {
			id: 'e2eWebhookHeroSms',
			name: 'HeroSMS (simulator)',
			type: 'smsActivateApi',
			data: { server: FLAVOUR, apiKey: DEMO_FLAVOUR_KEYS[FLAVOUR], baseUrl: simulator.flavourUrl(FLAVOUR) },
		};
		await runtime.importCredentials(userFolder, [credential]);
		await runtime.importWorkflows(userFolder, [webhookWorkflow(credential)]);
		await publishWorkflow(userFolder, WORKFLOW_ID);
		n8n = await runtime.startN8n({ userFolder, env: owner.env });
		rest = new N8nRest(n8n.url, await login(n8n.url, owner), runtimeDir);
		productionUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/sms-code`;
		// n8n is ready (/healthz/readiness) before it has activated the published workflows: until then the
		// production URL answers 404. An empty JSON body tells when it is registered: the node answers 400.
		const ready = Date.now();
		await explained(waitFor('the production webhook to be registered', async () => ((await post('{}')).status === 400 ? true : undefined), { timeoutMs: 30_000, intervalMs: 250 }));
		process.stderr.write(`[webhook e2e] production webhook registered ${Date.now() - ready} ms after n8n was ready\n`);
		simulator.setWebhook(FLAVOUR, productionUrl);
	});

	afterAll(async () => {
		await n8n?.stop();
		await simulator?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('starts one execution per pushed code, with the output contract', async () => {
		const first = await buy();
		const second = await buy();
		simulator.flavours[FLAVOUR].deliverCode(first, '418273', { text: 'Your Telegram code: 418273' });
		simulator.flavours[FLAVOUR].deliverCode(second, '552901');
		await simulator.webhooksIdle();
		expect(simulator.webhookDeliveries.map((d) => [d.kind, d.status])).toEqual([
			['code', 200],
			['code', 200],
		]);

		const list = await executionsWith(2);
		expect(list.every((e) => e.status === 'success' && e.mode === 'webhook')).toBe(true);
		expect(codesOf(list).sort()).toEqual(['418273', '552901']);
		const item = list.flatMap((e) => e.items).find((i) => i.code === '418273') as Record<string, unknown>;
		expect(item).toMatchObject({
			eventId: `heroSms:${first}:418273`,
			provider: 'heroSms',
			id: first,
			status: 'received',
			code: '418273',
			codeAsSent: '418273',
			service: 'tg',
			country: '6',
			text: 'Your Telegram code: 418273',
			sender: 'Telegram',
			raw: expect.objectContaining({ activationId: first, code: '418273' }),
		});
		expect(String(item.receivedAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	it('answers a repeated delivery 200 and starts nothing', async () => {
		const before = await executions();
		const repeat = await simulator.sendWebhook(FLAVOUR, 'repeat');
		expect(repeat.map((d) => d.status)).toEqual([200]);
		await sleep(SETTLE_MS);
		const after = await executions();
		expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
	});

	it('answers a body that is not an SMS without an execution: 422 from n8n for broken JSON, 400 from the node for JSON that is not an SMS', async () => {
		const before = await executions();
		const broken = await simulator.sendWebhook(FLAVOUR, 'malformed');
		expect(broken.map((d) => d.status)).toEqual(Array(8).fill(422));
		const notSms = await simulator.sendWebhook(FLAVOUR, 'malformed', { body: '{"activationId":"12345","service":"tg","country":6}' });
		expect(notSms.map((d) => d.status)).toEqual(Array(8).fill(400));

		const answer = await post('{"activationId":"12345","service":"tg","country":6}');
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.text)).toEqual({ status: 'rejected', message: 'Not an SMS push: the body has neither a code nor a text' });
		const unparsable = await post('{"activationId":12');
		expect(unparsable.status).toBe(422);
		expect(unparsable.text).toMatch(/Failed to parse request body/);

		await sleep(SETTLE_MS);
		expect((await executions()).map((e) => e.id)).toEqual(before.map((e) => e.id));
		expect(n8n?.output()).not.toMatch(/Workflow could not be started/);
		expect(n8n?.output()).toMatch(/refused a push \(HTTP 400\): the body has neither a code nor a text/);
	});

	it('answers a push for an activation the account does not have 200, logs it, and starts nothing', async () => {
		const before = await executions();
		const statusRequests = simulator.count(FLAVOUR, 'getStatus');
		const unknown = await simulator.sendWebhook(FLAVOUR, 'unknownActivation');
		expect(unknown.map((d) => d.status)).toEqual([200]);
		expect(simulator.count(FLAVOUR, 'getStatus')).toBe(statusRequests + 1);
		await sleep(SETTLE_MS);
		expect((await executions()).map((e) => e.id)).toEqual(before.map((e) => e.id));
		expect(n8n?.output()).toMatch(/ignored a push for activation \d+, which HeroSMS does not know for this account \(NOT_FOUND\)/);
	});

	it("answers a new code 200 once its execution exists, and keeps the memory in the workflow's static data", async () => {
		const id = await buy();
		const before = await executions();
		const body = JSON.stringify({ activationId: id, service: 'tg', text: 'Code 274615', code: '274615', country: 6, receivedAt: '2026-03-09T12:00:00.000000Z', phoneFrom: 'Telegram' });
		const first = await post(body);
		const second = await post(body);
		expect([first.status, second.status]).toEqual([200, 200]);
		expect(JSON.parse(first.text)).toEqual({ status: 'received', message: 'Workflow was started' });
		expect(JSON.parse(second.text)).toMatchObject({ status: 'duplicate' });

		const list = await executionsWith(before.length + 1);
		await sleep(SETTLE_MS);
		expect(await executions()).toHaveLength(before.length + 1);
		expect(codesOf(list)).toContain('274615');

		const [row] = await querySqlite(runtimeDir, userFolder, `SELECT staticData FROM workflow_entity WHERE id = '${WORKFLOW_ID}'`);
		const staticData = JSON.parse(String(row.staticData)) as Record<string, { v: number; seen: Array<[string, number]> }>;
		expect(staticData[`node:${NODE_NAME}`].v).toBe(1);
		expect(staticData[`node:${NODE_NAME}`].seen.map(([key]) => key)).toEqual(expect.arrayContaining([`${id}:274615`]));
	});
});
