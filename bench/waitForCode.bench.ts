/**
 * Wait for Code with several input items: the node waits for all of them in the same poll rounds.
 * Baseline: the same items waited for one after another (one run per item), as a per-item loop would.
 */
import { OtpVerifiedApi } from '../credentials/OtpVerifiedApi.credentials';
import { RentVerifyApi } from '../credentials/RentVerifyApi.credentials';
import { RentVerify } from '../nodes/RentVerify/RentVerify.node';
import { runNode } from '../test/helpers/n8nCore';
import type { Simulator } from '../test/simulator';
import { DEMO_RENTVERIFY_TOKEN, startSimulator } from '../test/simulator';
import { medianMs, printRatios } from './measure';

const ITEMS = 4;
const RUNS = 3;

test('Wait for Code: many items in one wait vs one after another', async () => {
	const sim: Simulator = await startSimulator({ port: 0 });
	const node = {
		nodeType: new RentVerify(),
		credentialTypes: [new RentVerifyApi(), new OtpVerifiedApi()],
		credentials: { rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl } },
	};
	const parameters = {
		resource: 'activation',
		operation: 'waitForCode',
		activationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		pollInterval: 3,
		timeout: 60,
	};
	// Each activation gets its code on its second poll, so every wait lasts one interval.
	const buyActivations = async () => {
		const ids: string[] = [];
		for (let item = 0; item < ITEMS; item++) {
			const answer = await fetch(`${sim.rentVerifyUrl}/getNumber?service=tg&country=usa`, {
				headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN },
			}).then(async (response) => await response.text());
			const id = answer.split(':')[1];
			sim.rentVerify.scriptCode(id, { afterPolls: 1, code: String(100000 + item) });
			ids.push(id);
		}
		return ids;
	};

	const oneAfterAnother = await medianMs(RUNS, async () => {
		sim.reset();
		for (const id of await buyActivations()) {
			const result = await runNode({ ...node, parameters, input: [{ id }] });
			if (result.status !== 'success') throw new Error(`wait failed: ${result.error?.message}`);
		}
	});
	const together = await medianMs(RUNS, async () => {
		sim.reset();
		const ids = await buyActivations();
		const result = await runNode({ ...node, parameters, input: ids.map((id) => ({ id })) });
		if (result.status !== 'success' || result.json.length !== ITEMS) throw new Error('wait failed');
	});
	printRatios(`Wait for Code, ${ITEMS} items, code on the 2nd poll, 3 s interval (median of ${RUNS})`, [
		{ name: 'baseline: one item per run, one after another', ms: oneAfterAnother },
		{ name: 'this node: all items in one run', ms: together },
	]);
	await sim.close();
});
