/**
 * 1. One trigger poll over N active activations (10, 100, 1,000), the provider answering each status
 * request after 20 ms, against the ideal ceil(statuses / concurrency) × 20 ms: at the default
 * Parallel Requests (5) and at 10.
 *
 * The simulator runs in its own process (remoteSimulator.ts), as a provider is another machine: its CPU
 * is not the trigger's time. The time is the node's poll() alone (the active list, every status, the
 * state), through n8n-core's real PollContext; each measured poll reads every status again.
 */
import * as http from 'node:http';

import type { INodeExecutionData, INodeType, IPollFunctions } from 'n8n-workflow';

import { RentVerifyApi } from '../credentials/RentVerifyApi.credentials';
import { RentVerifyTrigger } from '../nodes/RentVerify/RentVerifyTrigger.node';
import { RENTVERIFY } from '../nodes/shared/transport/activationServers';
import { getStatus } from '../nodes/shared/transport/smsActivate';
import { readCredentialsOnce } from '../nodes/shared/credentialsOnce';
import { runPoll } from '../test/helpers/n8nCore';
import { DEMO_RENTVERIFY_TOKEN } from '../test/simulator';
import { type BenchRow, median, ms, record } from './measure';
import { type RemoteSimulator, startRemoteSimulator } from './remoteSimulator';

const LATENCY_MS = 20;
const SIZES = [
	{ active: 10, runs: 15 },
	{ active: 100, runs: 9 },
	{ active: 1000, runs: 5 },
];
const DEFAULT_CONCURRENCY = 5;

/** RentVerify Trigger v1 with its poll timed. */
function timedTrigger(times: number[]): INodeType {
	const trigger = new RentVerifyTrigger().nodeVersions[1];
	return {
		description: trigger.description,
		async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
			const start = performance.now();
			try {
				return await (trigger.poll as (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>).call(this);
			} finally {
				times.push(performance.now() - start);
			}
		},
	};
}

async function buy(sim: RemoteSimulator, count: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		const answer = await fetch(`${sim.rentVerifyUrl}/getNumber?service=tg&country=usa`, {
			headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN },
		}).then(async (response) => await response.text());
		if (!answer.startsWith('ACCESS_NUMBER:')) throw new Error(`buying a number failed: ${answer}`);
	}
}

test('1. trigger poll against ceil(N / concurrency) × 20 ms', async () => {
	const sim = await startRemoteSimulator({ port: 0, rentVerifyBalance: 1_000_000 });
	await sim.call('rentVerify.setPrice', 'usa', 'tg', { available: 1_000_000 });
	const rows: BenchRow[] = [];
	let bought = 0;
	try {
		for (const { active, runs } of SIZES) {
			await buy(sim, active - bought);
			bought = active;
			for (const concurrency of [DEFAULT_CONCURRENCY, 10]) {
				const times: number[] = [];
				const poll = async (staticData?: string) =>
					await runPoll({
						nodeType: timedTrigger(times),
						typeName: 'n8n-nodes-sms-verification.rentVerifyTrigger',
						credentialTypes: [new RentVerifyApi()],
						credentials: { rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl } },
						parameters: { event: 'newCode', options: { concurrency } },
						staticData,
						activation: staticData === undefined ? 'activate' : 'init',
						nodeName: 'RentVerify Trigger',
					});
				// The poll at activation remembers what is there (not delayed); the measured polls then
				// read every watched status again, each answered after 20 ms.
				await sim.call('clearFaults');
				const { staticData } = await poll();
				await sim.call('fault', 'rentVerify', 'getStatus', { kind: 'latency', ms: LATENCY_MS, times: '__Infinity__' });
				times.length = 0;
				const before = (await sim.get<number>('requests.length')) ?? 0;
				for (let run = 0; run < runs; run++) await poll(staticData);
				const requests = await sim.requestsSince(before);
				const statuses = requests.filter((request) => request.route === 'getStatus').length / runs;
				const lists = requests.filter((request) => request.route === 'getActiveActivations').length / runs;
				if (lists !== 1 || requests.length / runs !== statuses + 1) {
					throw new Error(`a poll sent ${requests.length / runs} requests, not one active list and its statuses`);
				}
				const ideal = Math.ceil(statuses / concurrency) * LATENCY_MS;
				const measured = median(times);
				rows.push({
					id: `1${String.fromCharCode(97 + rows.length)}`,
					figure: `Trigger poll, ${active.toLocaleString('en-US')} active, ${concurrency} parallel${concurrency === DEFAULT_CONCURRENCY ? ' (default)' : ''}`,
					measured: `${ms(measured)} (median of ${runs}; best ${ms(Math.min(...times))})`,
					against: `ceil(${statuses} / ${concurrency}) × ${LATENCY_MS} ms = ${ms(ideal)}`,
					ratio: measured / ideal,
					target: { max: 1.2 },
					note:
						statuses < active
							? `${statuses} of ${active.toLocaleString('en-US')} watched: the state's bound keeps the newest`
							: undefined,
				});
			}
		}
		rows.push(...(await bareClient(sim)));
		rows.push(await cpuPerRequest(sim));
	} finally {
		await sim.close();
	}
	record('1-triggerPoll', rows);
});

/**
 * The machine's own floor, for 1c: the same 100 status requests, 5 at a time, 20 ms each, from a bare
 * Node.js http client, over kept-alive connections and then with a new connection per request (how
 * n8n's helper sends every request: it builds a new http.Agent each time).
 */
async function bareClient(sim: RemoteSimulator): Promise<BenchRow[]> {
	const REQUESTS = 100;
	const CONCURRENCY = DEFAULT_CONCURRENCY;
	const RUNS = 9;
	await sim.call('clearFaults');
	await sim.call('fault', 'rentVerify', 'getStatus', { kind: 'latency', ms: LATENCY_MS, times: '__Infinity__' });
	const ids = (await sim.call<Array<{ id: string }>>('rentVerify.activations')).slice(0, REQUESTS).map((a) => a.id);
	const send = async (id: string, agent: http.Agent): Promise<void> =>
		await new Promise<void>((resolve, reject) => {
			http
				.get(`${sim.rentVerifyUrl}/getStatus?id=${id}`, { agent, headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } }, (response) => {
					response.resume();
					response.on('end', resolve);
				})
				.on('error', reject);
		});
	const poll = async (agentFor: () => http.Agent): Promise<number> => {
		let next = 0;
		const start = performance.now();
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < ids.length) await send(ids[next++], agentFor());
			}),
		);
		return performance.now() - start;
	};
	const keptAlive = new http.Agent({ keepAlive: true });
	const times = { keptAlive: [] as number[], fresh: [] as number[] };
	for (let run = 0; run < RUNS; run++) {
		times.keptAlive.push(await poll(() => keptAlive));
		times.fresh.push(await poll(() => new http.Agent()));
	}
	keptAlive.destroy();
	const ideal = Math.ceil(REQUESTS / CONCURRENCY) * LATENCY_MS;
	const row = (id: string, how: string, measured: number[]): BenchRow => ({
		id,
		figure: `A bare http client, the same ${REQUESTS} status requests ${CONCURRENCY} at a time, ${how}`,
		measured: `${ms(median(measured))} (median of ${RUNS}; best ${ms(Math.min(...measured))})`,
		against: `ceil(${REQUESTS} / ${CONCURRENCY}) × ${LATENCY_MS} ms = ${ms(ideal)}`,
		ratio: median(measured) / ideal,
		note: 'for information: what this machine allows 1c',
	});
	return [row('1g', 'kept-alive connections', times.keptAlive), row('1h', 'a new connection each (as n8n sends them)', times.fresh)];
}

/**
 * Where a status request's time goes: the CPU the poll spends per status request (our transport:
 * credential, URL, n8n's helper, parsing) against n8n's `httpRequestWithAuthentication` alone for the same
 * request, in one poll context, the provider answering at once, alternating so both meet the same machine.
 */
async function cpuPerRequest(sim: RemoteSimulator): Promise<BenchRow> {
	const REQUESTS = 200;
	const ROUNDS = 5;
	await sim.call('clearFaults');
	const [{ id }] = await sim.call<Array<{ id: string }>>('rentVerify.activations');
	const ours: number[] = [];
	const bare: number[] = [];
	const cpuPer = async (send: () => Promise<unknown>): Promise<number> => {
		const before = process.cpuUsage();
		for (let i = 0; i < REQUESTS; i++) await send();
		const used = process.cpuUsage(before);
		return (used.user + used.system) / 1000 / REQUESTS;
	};
	const trigger = new RentVerifyTrigger().nodeVersions[1];
	const nodeType: INodeType = {
		description: trigger.description,
		async poll(this: IPollFunctions) {
			const credentials = await this.getCredentials('rentVerifyApi');
			const context = readCredentialsOnce(this);
			const helper = async () =>
				await this.helpers.httpRequestWithAuthentication.call(
					this,
					'rentVerifyApi',
					{
						method: 'GET',
						url: `${sim.rentVerifyUrl}/getStatus`,
						qs: { id },
						encoding: 'text',
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						timeout: 30_000,
					},
					{ credentialsDecrypted: { id: '', name: 'RentVerify', type: 'rentVerifyApi', data: credentials } },
				);
			await cpuPer(helper);
			for (let round = 0; round < ROUNDS; round++) {
				bare.push(await cpuPer(helper));
				ours.push(await cpuPer(async () => await getStatus.call(context, RENTVERIFY, id)));
			}
			return null;
		},
	};
	await runPoll({
		nodeType,
		typeName: 'n8n-nodes-sms-verification.rentVerifyTrigger',
		credentialTypes: [new RentVerifyApi()],
		credentials: { rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl } },
		parameters: { event: 'newCode' },
		nodeName: 'RentVerify Trigger',
	});
	const [oursMs, bareMs] = [median(ours), median(bare)];
	return {
		id: '1i',
		figure: 'CPU per status request in a poll: our getStatus (credential, URL, helper, parsing)',
		measured: `${oursMs.toFixed(2)} ms (median of ${ROUNDS} × ${REQUESTS})`,
		against: `n8n's httpRequestWithAuthentication alone ${bareMs.toFixed(2)} ms`,
		ratio: oursMs / bareMs,
		note: 'for information: our code on top of n8n\'s helper',
	};
}
