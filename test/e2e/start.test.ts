// What `npm start` sets up (scripts/start.js `setUp`), on free ports and a temporary user folder: the
// editor answers, the printed owner can log in, the credentials exist and n8n knows our nodes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../simulator';
import { NODE_TYPES, progress, runtime, startScript } from './harness';

describe('npm start set-up', () => {
	let simulator: Simulator;
	let userFolder: string;
	let app: Awaited<ReturnType<typeof startScript.setUp>>;
	let cookie: string;

	beforeAll(async () => {
		await runtime.ensureN8n({ log: progress });
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: { afterPolls: 3 } });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-start-'));
		// An empty env: real provider tokens of whoever runs the tests must not leak into this set-up.
		app = await startScript.setUp({ userFolder, port: await runtime.freePort(), simulator, env: {} });
	});

	afterAll(async () => {
		await app?.stop();
		await simulator?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('serves the editor', async () => {
		const response = await fetch(app.url);
		expect(response.status).toBe(200);
		expect(await response.text()).toMatch(/<html/i);
	});

	it('rejects a wrong password', async () => {
		const response = await login(app.owner.email, `${app.owner.password}x`);
		expect(response.status).toBe(401);
	});

	it('lets the owner log in', async () => {
		const response = await login(app.owner.email, app.owner.password);
		expect(response.status).toBe(200);
		const auth = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		expect(auth).toBeDefined();
		cookie = auth!.split(';')[0];
	});

	it('has the three credentials', async () => {
		const { data } = await getJson<{ data: Array<{ name: string; type: string }> }>('/rest/credentials');
		expect(data.map(({ name, type }) => ({ name, type })).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
			{ name: 'OTPVerified (simulator)', type: 'otpVerifiedApi' },
			{ name: 'RentVerify (simulator)', type: 'rentVerifyApi' },
			{ name: 'HeroSMS (simulator)', type: 'smsActivateApi' },
		]);
	});

	it('has the example workflows', async () => {
		const { data } = await getJson<{ data: Array<{ id: string }> }>('/rest/workflows');
		expect(data.map((w) => w.id).sort()).toEqual(app.workflows.map((w) => w.id).sort());
	});

	it("knows the package's node and credential types", async () => {
		const nodes = await getJson<Array<{ name: string }>>('/types/nodes.json');
		expect(nodes.map((n) => n.name)).toEqual(expect.arrayContaining(NODE_TYPES));
		const credentials = await getJson<Array<{ name: string }>>('/types/credentials.json');
		expect(credentials.map((c) => c.name)).toEqual(expect.arrayContaining(['rentVerifyApi', 'otpVerifiedApi', 'smsActivateApi']));
	});

	// The "Test" button of a credential whose fields were edited, as the editor sends it: the saved credential's
	// id with the data in the form (n8n's CredentialsTester runs the credential's declarative test).
	async function testCredential(type: string, data: Record<string, unknown>): Promise<{ status: string; message: string }> {
		const saved = app.credentials.find((credential) => credential.type === type);
		const response = await fetch(`${app.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body: JSON.stringify({ credentials: { id: saved?.id, name: saved?.name, type, data } }),
		});
		expect(response.status).toBe(200);
		return ((await response.json()) as { data: { status: string; message: string } }).data;
	}

	it('credential Test: the right key passes, BAD_KEY at HTTP 200 fails, handler_api.php URLs work', async () => {
		const heroSms = { server: 'heroSms', apiKey: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.flavourUrl('heroSms') };
		expect(await testCredential('smsActivateApi', heroSms)).toEqual({ status: 'OK', message: 'Connection successful!' });

		simulator.fault('smsHub', 'getBalance', { kind: 'word', status: 200, body: 'BAD_KEY' });
		const smsHub = { server: 'smsHub', apiKey: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.flavourUrl('smsHub') };
		expect(await testCredential('smsActivateApi', smsHub)).toMatchObject({ status: 'Error', message: expect.stringMatching(/BAD_KEY/) });

		const stub = { token: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.rentVerifyStubUrl, authHeader: 'xApiToken' };
		expect(await testCredential('rentVerifyApi', stub)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrong = { token: 'ab'.repeat(32), baseUrl: simulator.rentVerifyUrl, authHeader: 'xApiToken' };
		expect(await testCredential('rentVerifyApi', wrong)).toMatchObject({ status: 'Error' });
	});

	function login(email: string, password: string): Promise<Response> {
		return fetch(`${app.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
	}

	async function getJson<T>(route: string): Promise<T> {
		expect(cookie).toBeDefined(); // set by the login test
		const response = await fetch(`${app.url}${route}`, { headers: { cookie } });
		expect(response.status).toBe(200);
		return (await response.json()) as T;
	}
});
