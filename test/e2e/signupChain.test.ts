// The signup chain of the README inside the real, pinned n8n: Manual Trigger → Buy Number → Wait for Code,
// the activation ID mapped by expression from Buy Number's output, run with `n8n execute` against the
// provider simulator (started here, in-process, so the test decides when an SMS arrives and reads the
// simulator's log and balance). Both workflows go in with one import.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../simulator';
import { ROOT, PACKAGE_NAME, type Credential, type Execution, nodeOutput, progress, runtime } from './harness';

const CODE = '731904';
const PRICE = 0.5; // the simulator's usa/tg price
const START_BALANCE = 25.5; // the simulator's default RentVerify balance

const credential: Credential = {
	id: 'e2eChainRentVrfy1',
	name: 'RentVerify (simulator, chain)',
	type: 'rentVerifyApi',
	data: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: '', authHeader: 'xApiToken' },
};

/** Manual Trigger → Buy Number (usa, tg, Max Price) → Wait for Code (activation ID = `{{ $json.id }}`). */
function signupChain(id: string, name: string, wait: { pollInterval: number; timeout: number }) {
	const creds = { [credential.type]: { id: credential.id, name: credential.name } };
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-manual`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-buy`,
				name: 'Buy a number',
				type: `${PACKAGE_NAME}.rentVerify`,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'activation',
					operation: 'buyNumber',
					// One typed (By Code), one picked from the list: both as the editor stores them.
					country: { __rl: true, mode: 'id', value: 'usa' },
					service: { __rl: true, mode: 'list', value: 'tg', cachedResultName: 'Telegram (tg)' },
					options: { maxPrice: 1 },
				},
				credentials: creds,
			},
			{
				id: `${id}-wait`,
				name: 'Wait for the SMS code',
				type: `${PACKAGE_NAME}.rentVerify`,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'activation',
					operation: 'waitForCode',
					// README's expression, as typed there.
					activationId: { __rl: true, mode: 'id', value: "={{ $('Buy a number').item.json.id }}" },
					pollInterval: wait.pollInterval,
					timeout: wait.timeout,
				},
				credentials: creds,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Buy a number', type: 'main', index: 0 }]] },
			'Buy a number': { main: [[{ node: 'Wait for the SMS code', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('signup chain in a real n8n: Buy Number → Wait for Code', () => {
	let simulator: Simulator;
	let userFolder: string;

	beforeAll(async () => {
		await runtime.ensureN8n({ log: progress });
		// No automatic codes: the test delivers them, so the timeout case really gets none.
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-chain-'));
		runtime.linkPackage(userFolder, ROOT);
		await runtime.importCredentials(userFolder, [
			{ ...credential, data: { ...credential.data, baseUrl: simulator.rentVerifyUrl } },
		]);
		await runtime.importWorkflows(userFolder, [
			signupChain('e2eChainCode00001', 'Signup chain', { pollInterval: 3, timeout: 60 }),
			signupChain('e2eChainTimeout01', 'Signup chain, no SMS', { pollInterval: 3, timeout: 6 }),
		]);
	});

	beforeEach(() => simulator.reset()); // balance, activations and request log start afresh

	afterAll(async () => {
		await simulator?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('buys a number and outputs the code that arrives', async () => {
		// While n8n runs, the SMS is scripted for the activation n8n buys: Wait for Code's first poll
		// still sees none, its second (3 s later) gets the code.
		let scripted: string | undefined;
		let running = true;
		const deliverer = (async () => {
			while (running && scripted === undefined) {
				const bought = simulator.rentVerify.activations()[0];
				if (bought) {
					simulator.rentVerify.scriptCode(bought.id, { afterPolls: 1, code: CODE });
					scripted = bought.id;
				}
				await sleep(50);
			}
		})();
		let execution: Execution;
		try {
			execution = await runtime.executeWorkflow(userFolder, 'e2eChainCode00001');
		} finally {
			running = false;
			await deliverer;
		}

		expect(execution.data.resultData.error).toBeUndefined();
		expect(execution.status).toBe('success');
		const [bought] = nodeOutput(execution, 'Buy a number');
		expect(bought).toMatchObject({ provider: 'rentVerify', id: scripted, service: 'tg', country: 'usa', status: 'waiting' });
		expect(bought.phoneNumber).toMatch(/^\+[1-9]\d{7,14}$/);
		expect(typeof bought.cost).toBe('number');
		expect(bought.cost).toBeCloseTo(PRICE, 2);

		expect(nodeOutput(execution, 'Wait for the SMS code')).toEqual([
			{
				...bought,
				status: 'received',
				code: CODE,
				codeAsSent: CODE,
				raw: { answer: `STATUS_OK:${CODE}` },
			},
		]);

		expect(simulator.count('rentVerify', 'getNumber')).toBe(1);
		expect(simulator.count('rentVerify', 'getStatus')).toBeGreaterThanOrEqual(2);
		expect(simulator.count('rentVerify', 'setStatus')).toBe(0);
		expect(simulator.rentVerify.balance()).toBeCloseTo(START_BALANCE - PRICE, 2);
	});

	it('cancels the activation when no SMS comes in time, refunding its cost minus the fee, and fails clearly', async () => {
		const execution = await runtime.executeWorkflow(userFolder, 'e2eChainTimeout01');

		expect(execution.status).toBe('error');
		const [bought] = nodeOutput(execution, 'Buy a number');
		const id = String(bought.id);
		const error = execution.data.resultData.error;
		expect(error?.message).toBe(
			`No SMS arrived for activation ${id} within 6 seconds, so it was cancelled and its cost refunded minus the provider's fee`,
		);

		expect(simulator.count('rentVerify', 'getNumber')).toBe(1);
		expect(simulator.count('rentVerify', 'setStatus')).toBe(1);
		expect(simulator.rentVerify.activation(id).status).toBe('cancelled');
		// 25.50 - 0.50 + (0.50 - 0.10) = 25.40
		expect(simulator.rentVerify.balance()).toBeCloseTo(START_BALANCE - PRICE + (PRICE - 0.1), 2);
		expect(simulator.rentVerify.balance()).toBeCloseTo(25.4, 2);
	});
});
