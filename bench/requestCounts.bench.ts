/**
 * 4. Requests per operation against the minimum the operation needs, counted in the simulator's
 * request log. The minimum: one request per item for what the item asks (buy, cancel, a status per
 * poll), and one read per execution of what serves every item (the price table for Max Price, the
 * active list for a number's cost and expiry). For the trigger: per poll, the active list and one status
 * per listed activation, plus one status for an activation that left the list since the last poll (its
 * last code may have come in between); divided by the codes it emitted.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OtpVerifiedApi } from '../credentials/OtpVerifiedApi.credentials';
import { RentVerifyApi } from '../credentials/RentVerifyApi.credentials';
import { RentVerify } from '../nodes/RentVerify/RentVerify.node';
import { WAIT_LIMITS } from '../nodes/shared/waitLoop';
import { Deployment, RENTVERIFY, buyNumber, stock } from '../test/integration/triggerSupport';
import { runNode } from '../test/helpers/n8nCore';
import type { LoggedRequest, Simulator } from '../test/simulator';
import { DEMO_RENTVERIFY_TOKEN, startSimulator } from '../test/simulator';
import { type BenchRow, record } from './measure';

const ITEMS = 20;

function counted(requests: readonly LoggedRequest[]): string {
	const byRoute = new Map<string, number>();
	for (const request of requests) byRoute.set(request.route, (byRoute.get(request.route) ?? 0) + 1);
	return [...byRoute].map(([route, count]) => `${count} ${route}`).join(' + ');
}

test('4. requests per operation against the minimum', async () => {
	const sim: Simulator = await startSimulator({ port: 0 });
	const floor = WAIT_LIMITS.minInterval;
	WAIT_LIMITS.minInterval = 0.2;
	const rows: BenchRow[] = [];
	const run = async (parameters: INodeParameters, input: IDataObject[]) => {
		const result = await runNode({
			nodeType: new RentVerify(),
			credentialTypes: [new RentVerifyApi(), new OtpVerifiedApi()],
			credentials: { rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl } },
			parameters,
			input,
		});
		if (result.status !== 'success') throw new Error(`${String(parameters.operation)} failed: ${String(result.error?.message)}`);
		return result.json;
	};
	const measure = async (work: () => Promise<unknown>): Promise<LoggedRequest[]> => {
		const from = sim.requests.length;
		await work();
		return sim.requests.slice(from);
	};
	const row = (id: string, figure: string, requests: LoggedRequest[], minimum: number, why: string): BenchRow => ({
		id,
		figure,
		measured: `${requests.length} requests (${counted(requests)})`,
		against: `minimum ${minimum}: ${why}`,
		ratio: requests.length / minimum,
		target: { max: 1.1 },
	});
	const buy = { resource: 'activation', operation: 'buyNumber', country: 'usa', service: 'tg', options: { maxPrice: 1 } };
	const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
	try {
		stock(sim);

		// Buy (Max Price) → Wait for Code, the code arriving on the wait's second poll.
		const chain = await measure(async () => {
			const [bought] = await run(buy, [{}]);
			sim.rentVerify.scriptCode(String(bought.id), { afterPolls: 1 });
			await run({ resource: 'activation', operation: 'waitForCode', activationId: byId, pollInterval: 0.2, timeout: 30 }, [bought]);
		});
		rows.push(
			row('4a', 'Buy (Max Price) → Wait for Code, code on the 2nd poll', chain, 5, 'price table, buy, active list for its expiry, 2 statuses'),
		);

		const manyBuys = await measure(async () => await run(buy, Array.from({ length: ITEMS }, () => ({}))));
		rows.push(row('4b', `Buy Number (Max Price), ${ITEMS} items`, manyBuys, ITEMS + 2, `price table once, ${ITEMS} buys, active list once`));

		const toCancel: IDataObject[] = [];
		for (let i = 0; i < ITEMS; i++) toCancel.push({ id: await buyNumber(sim) });
		const cancels = await measure(async () => await run({ resource: 'activation', operation: 'cancel', activationId: byId }, toCancel));
		rows.push(row('4c', `Cancel, ${ITEMS} items`, cancels, ITEMS + 1, `active list once (for the refund), ${ITEMS} cancels`));

		// The trigger over 10 polls of 20 activations, two codes arriving before each poll. `leave`: each
		// activation leaves the active list one poll after its code was emitted (finished elsewhere).
		for (const leave of [false, true]) {
			sim.reset();
			stock(sim);
			const ids: string[] = [];
			for (let i = 0; i < ITEMS; i++) ids.push(await buyNumber(sim));
			const deployment = new Deployment(sim, RENTVERIFY);
			await deployment.poll();
			let emitted = 0;
			let minimum = 0;
			const leftSince: string[] = [];
			const requests = await measure(async () => {
				for (let poll = 0; poll < ITEMS / 2; poll++) {
					const listed = sim.rentVerify.activations().filter((activation) => !activation.finished).length;
					minimum += 1 + listed + leftSince.length;
					leftSince.length = 0;
					for (const id of ids.slice(poll * 2, poll * 2 + 2)) sim.rentVerify.deliverCode(id);
					const { json } = await deployment.poll();
					emitted += json.length;
					if (leave && poll > 0) {
						for (const id of ids.slice((poll - 1) * 2, poll * 2)) {
							sim.rentVerify.finish(id);
							leftSince.push(id);
						}
					}
				}
			});
			if (emitted !== ITEMS) throw new Error(`the trigger emitted ${emitted} codes, not ${ITEMS}`);
			rows.push({
				id: leave ? '4e' : '4d',
				figure: `Trigger, requests per detected code: ${ITEMS} activations, 2 codes before each of 10 polls${
					leave ? ', each leaving the active list after its code' : ''
				}`,
				measured: `${(requests.length / emitted).toFixed(1)} (${counted(requests)} for ${emitted} codes)`,
				against: `minimum ${(minimum / emitted).toFixed(1)} (${minimum} requests)`,
				ratio: requests.length / minimum,
				target: { max: 1.1 },
				note: leave
					? 'the trigger reads an activation that left the list every poll until it is cancelled or expired, as the provider contract does not say leaving the list ends it'
					: undefined,
			});
		}
	} finally {
		WAIT_LIMITS.minInterval = floor;
		await sim.close();
	}
	record('4-requestCounts', rows);
});
