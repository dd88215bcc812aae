// The built package inside the real, pinned n8n: imported credentials and workflows, run with
// `n8n execute` against the provider simulator. Each CLI call boots n8n (≈ 5 s), so all credentials and
// workflows go in with one call each.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_OTPVERIFIED_TOKEN, DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../simulator';
import { ROOT, type Credential, nodeOutput, progress, runtime, startScript } from './harness';

const WRONG_TOKEN = 'wrong-token-0123456789abcdef';

describe('RentVerify and OTPVerified in a real n8n', () => {
	let simulator: Simulator;
	let userFolder: string;

	beforeAll(async () => {
		await runtime.ensureN8n({ log: progress }); // minutes on a machine's first run, then instant
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-e2e-'));
		runtime.linkPackage(userFolder, ROOT);

		const rentVerify: Credential = {
			id: 'e2eRentVerify0001',
			name: 'RentVerify (simulator)',
			type: 'rentVerifyApi',
			data: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.rentVerifyUrl, authHeader: 'xApiToken' },
		};
		const rentVerifyWrong: Credential = {
			id: 'e2eRentVerify0002',
			name: 'RentVerify (wrong token)',
			type: 'rentVerifyApi',
			data: { token: WRONG_TOKEN, baseUrl: simulator.rentVerifyUrl, authHeader: 'xApiToken' },
		};
		const otpVerified: Credential = {
			id: 'e2eOtpVerified001',
			name: 'OTPVerified (simulator)',
			type: 'otpVerifiedApi',
			data: { apiKey: DEMO_OTPVERIFIED_TOKEN, baseUrl: simulator.otpVerifiedUrl },
		};
		await runtime.importCredentials(userFolder, [rentVerify, rentVerifyWrong, otpVerified]);
		await runtime.importWorkflows(userFolder, [
			startScript.exampleWorkflow({
				id: 'e2eBalance0000001',
				name: 'Balance',
				steps: [{ node: 'rentVerify', name: 'Get the account balance', parameters: { resource: 'account', operation: 'getBalance' } }],
				credential: rentVerify,
			}),
			startScript.exampleWorkflow({
				id: 'e2eBalanceWrong01',
				name: 'Balance with a wrong token',
				steps: [{ node: 'rentVerify', name: 'Get the account balance', parameters: { resource: 'account', operation: 'getBalance' } }],
				credential: rentVerifyWrong,
			}),
			startScript.exampleWorkflow({
				id: 'e2eServices000001',
				name: 'Services',
				steps: [{ node: 'otpVerified', name: 'Get services and prices', parameters: { resource: 'catalog', operation: 'getServices' } }],
				credential: otpVerified,
			}),
		]);
	});

	afterAll(async () => {
		await simulator?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('gets the RentVerify balance', async () => {
		const before = simulator.count('rentVerify', 'getBalance');
		const execution = await runtime.executeWorkflow(userFolder, 'e2eBalance0000001');

		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Get the account balance')).toEqual([{ provider: 'rentVerify', balance: 25.5, currency: 'USD' }]);
		expect(simulator.count('rentVerify', 'getBalance') - before).toBe(1);
	});

	it('lists OTPVerified services with prices', async () => {
		const execution = await runtime.executeWorkflow(userFolder, 'e2eServices000001');

		expect(execution.status).toBe('success');
		const services = nodeOutput(execution, 'Get services and prices');
		expect(services.length).toBeGreaterThan(0);
		for (const service of services) {
			expect(service).toMatchObject({ provider: 'otpVerified', serviceId: expect.any(String) });
			// The node keeps the provider's own price fields, turned into numbers.
			const prices = Object.entries(service).filter(([key, value]) => /price/i.test(key) && typeof value === 'number');
			expect(prices.length).toBeGreaterThan(0);
		}
	});

	it('fails clearly on a wrong token, without echoing the token', async () => {
		const execution = await runtime.executeWorkflow(userFolder, 'e2eBalanceWrong01');

		expect(execution.status).toBe('error');
		const error = execution.data.resultData.error;
		expect(error?.message).toMatch(/RentVerify/);
		expect(error?.message).toMatch(/token|credential|unauthori[sz]ed|authenticat/i);
		expect(JSON.stringify(execution)).not.toContain(WRONG_TOKEN);
	});
});
