// The SMS-Activate Protocol node inside the real, pinned n8n, against the simulator's HeroSMS flavour
// (started here, in-process): Buy a number → Wait for the SMS code → Finish an activation, with the
// activation ID mapped as the README says; and an early cancel the server refuses. Run with `n8n execute`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../simulator';
import { ROOT, type Credential, nodeOutput, progress, runtime, startScript } from './harness';

const credential: Credential = {
	id: 'e2eSmsActivateHro1',
	name: 'HeroSMS (simulator, e2e)',
	type: 'smsActivateApi',
	data: { server: 'heroSms', apiKey: DEMO_RENTVERIFY_TOKEN, baseUrl: '' },
};

const buy = { node: 'smsActivate' as const, name: 'Buy a number', parameters: { resource: 'activation', operation: 'buyNumber', country: '6', service: 'tg' } };
const byBuyId = { __rl: true, mode: 'id', value: "={{ $('Buy a number').item.json.id }}" };

describe('SMS-Activate Protocol in a real n8n (HeroSMS flavour)', () => {
	let simulator: Simulator;
	let userFolder: string;

	beforeAll(async () => {
		await runtime.ensureN8n({ log: progress });
		// Each activation gets its code after its first status poll.
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: { afterPolls: 1 } });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-family-'));
		runtime.linkPackage(userFolder, ROOT);
		const withUrl = { ...credential, data: { ...credential.data, baseUrl: simulator.flavourUrl('heroSms') } };
		await runtime.importCredentials(userFolder, [withUrl]);
		await runtime.importWorkflows(userFolder, [
			startScript.exampleWorkflow({
				id: 'e2eFamilyChain001',
				name: 'Buy, wait, finish',
				credential: withUrl,
				steps: [
					buy,
					{
						node: 'smsActivate',
						name: 'Wait for the SMS code',
						parameters: { resource: 'activation', operation: 'waitForCode', activationId: byBuyId, pollInterval: 3, timeout: 60 },
					},
					{ node: 'smsActivate', name: 'Finish an activation', parameters: { resource: 'activation', operation: 'finish', activationId: byBuyId } },
				],
			}),
			startScript.exampleWorkflow({
				id: 'e2eFamilyCancel01',
				name: 'Buy, cancel at once',
				credential: withUrl,
				steps: [buy, { node: 'smsActivate', name: 'Cancel an activation', parameters: { resource: 'activation', operation: 'cancel', activationId: byBuyId } }],
			}),
		]);
	});

	beforeEach(() => simulator.reset());

	afterAll(async () => {
		await simulator?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('buys a number, outputs its code and finishes the activation (the money is kept)', async () => {
		const execution = await runtime.executeWorkflow(userFolder, 'e2eFamilyChain001');

		expect(execution.data.resultData.error).toBeUndefined();
		expect(execution.status).toBe('success');
		const [bought] = nodeOutput(execution, 'Buy a number');
		const activation = simulator.flavours.heroSms.activation(String(bought.id));
		expect(bought).toMatchObject({ provider: 'heroSms', id: activation.id, phoneNumber: `+${activation.phone}`, status: 'waiting' });
		const [waited] = nodeOutput(execution, 'Wait for the SMS code');
		expect(waited).toMatchObject({ provider: 'heroSms', id: activation.id, status: 'received', code: activation.codes[0].code });
		expect(nodeOutput(execution, 'Finish an activation')).toEqual([
			{ provider: 'heroSms', id: activation.id, status: 'finished', raw: { answer: 'ACCESS_ACTIVATION' } },
		]);
		expect(simulator.flavours.heroSms.activation(activation.id).status).toBe('finished');
		expect(simulator.purchases('heroSms')).toBe(1);
		expect(simulator.count('heroSms', 'setStatus')).toBe(1);
	});

	it('an early cancel the server refuses is a clear error, sent once, nothing refunded', async () => {
		simulator.flavours.heroSms.configure({ earlyCancelMs: 120_000 });
		const execution = await runtime.executeWorkflow(userFolder, 'e2eFamilyCancel01');

		expect(execution.status).toBe('error');
		expect(execution.data.resultData.error?.message).toMatch(/EARLY_CANCEL_DENIED/);
		const [bought] = nodeOutput(execution, 'Buy a number');
		expect(simulator.flavours.heroSms.activation(String(bought.id)).status).toBe('waiting');
		expect(simulator.count('heroSms', 'setStatus')).toBe(1);
		expect(simulator.flavours.heroSms.balance()).toBeCloseTo(25.5 - simulator.flavours.heroSms.activation(String(bought.id)).cost, 2);
	});
});
