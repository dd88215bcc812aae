/**
 * 2. Per-item overhead: Get Status for 1,000 input items through n8n-core (WorkflowExecute, the real
 * ExecuteContext and HTTP helpers) against a bare loop of the same 1,000 HTTP requests at the same
 * concurrency (Get Status sends one item after another, so both send one at a time).
 *
 * Two provider speeds: answers after 20 ms (the trigger bench's provider; real providers take longer)
 * carries the target, and at once, which shows the CPU cost per item alone. The simulator runs in its own
 * process; the node's time is its own run (n8n's execution time of the node), not building the workflow.
 */
import * as http from 'node:http';

import { RentVerifyApi } from '../credentials/RentVerifyApi.credentials';
import { RentVerify } from '../nodes/RentVerify/RentVerify.node';
import { runNode } from '../test/helpers/n8nCore';
import { DEMO_RENTVERIFY_TOKEN } from '../test/simulator';
import { type BenchRow, median, ms, record } from './measure';
import { type RemoteSimulator, startRemoteSimulator } from './remoteSimulator';

const ITEMS = 1000;
const NODE_NAME = 'Get the status of an activation';

/** Get Status for every id through n8n-core; the node's own execution time, from n8n's run data. */
async function throughN8n(sim: RemoteSimulator, ids: string[]): Promise<number> {
	const result = await runNode({
		nodeType: new RentVerify(),
		credentialTypes: [new RentVerifyApi()],
		credentials: { rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl } },
		parameters: {
			resource: 'activation',
			operation: 'getStatus',
			activationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		},
		input: ids.map((id) => ({ id })),
		nodeName: NODE_NAME,
	});
	if (result.status !== 'success' || result.json.length !== ids.length) {
		throw new Error(`Get Status failed: ${String(result.error?.message)}`);
	}
	const [task] = result.run.data.resultData.runData[NODE_NAME];
	return task.executionTime;
}

/** The same requests, one after another, with Node's http and a keep-alive agent: what a script would do. */
async function bareLoop(sim: RemoteSimulator, ids: string[]): Promise<number> {
	const agent = new http.Agent({ keepAlive: true });
	const start = performance.now();
	for (const id of ids) {
		const body = await new Promise<string>((resolve, reject) => {
			http
				.get(`${sim.rentVerifyUrl}/getStatus?id=${id}`, { agent, headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } }, (response) => {
					let text = '';
					response.setEncoding('utf8');
					response.on('data', (chunk: string) => (text += chunk));
					response.on('end', () => resolve(text));
				})
				.on('error', reject);
		});
		if (!body.startsWith('STATUS_')) throw new Error(`unexpected answer: ${body}`);
	}
	const elapsed = performance.now() - start;
	agent.destroy();
	return elapsed;
}

test('2. per-item overhead: Get Status through n8n-core against a bare loop', async () => {
	const sim = await startRemoteSimulator({ port: 0 });
	const rows: BenchRow[] = [];
	try {
		// 1,000 items over a few activations: the answer is the same size whichever id is asked.
		const owned: string[] = [];
		for (let i = 0; i < 10; i++) {
			const answer = await fetch(`${sim.rentVerifyUrl}/getNumber?service=tg&country=usa`, {
				headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN },
			}).then(async (response) => await response.text());
			owned.push(answer.split(':')[1]);
		}
		const ids = Array.from({ length: ITEMS }, (_, index) => owned[index % owned.length]);
		for (const { latency, runs, target } of [
			{ latency: 20, runs: 3, target: true },
			{ latency: 0, runs: 3, target: false },
		]) {
			await sim.call('clearFaults');
			if (latency > 0) await sim.call('fault', 'rentVerify', 'getStatus', { kind: 'latency', ms: latency, times: '__Infinity__' });
			// Warm both paths once, then alternate them so a busy moment of the machine hits both.
			await throughN8n(sim, ids.slice(0, 50));
			await bareLoop(sim, ids.slice(0, 50));
			const node: number[] = [];
			const bare: number[] = [];
			for (let run = 0; run < runs; run++) {
				node.push(await throughN8n(sim, ids));
				bare.push(await bareLoop(sim, ids));
			}
			const [nodeMs, bareMs] = [median(node), median(bare)];
			rows.push({
				id: `2${latency > 0 ? 'a' : 'b'}`,
				figure: `Get Status, ${ITEMS.toLocaleString('en-US')} items through n8n-core, provider answering ${latency > 0 ? `after ${latency} ms` : 'at once'}`,
				measured: `${ms(nodeMs)} (${(nodeMs / ITEMS).toFixed(2)} ms per item, median of ${runs})`,
				against: `bare http loop ${ms(bareMs)} (${(bareMs / ITEMS).toFixed(2)} ms per request)`,
				ratio: nodeMs / bareMs,
				target: target ? { max: 1.5 } : undefined,
				note: target ? undefined : 'the CPU cost per item alone, for information',
			});
		}
	} finally {
		await sim.close();
	}
	record('2-perItem', rows);
});
