/**
 * 3. Detection latency of Wait for Code: the time from the simulator delivering a code to the node's
 * output, over 60 seeded arrival times, against the poll interval. A code can only be seen at a poll,
 * so over arrivals spread evenly across the poll cycle the ideal is a mean of half an interval and a
 * worst case of one interval.
 *
 * The wait loop refuses intervals under 3 s (WAIT_LIMITS, as RentVerify asks); like the tests, the bench
 * lowers that floor for itself and polls every second, so 60 waits take seconds, not minutes. The
 * waits run five at a time, each its own execution of the node through n8n-core, each on its own
 * activation. The simulator's clock is the wall clock, so a code scripted `atMs` arrives exactly then;
 * the output time is when n8n finished the node (its run data).
 */
import { RentVerifyApi } from '../credentials/RentVerifyApi.credentials';
import { RentVerify } from '../nodes/RentVerify/RentVerify.node';
import { WAIT_LIMITS } from '../nodes/shared/waitLoop';
import { runNode } from '../test/helpers/n8nCore';
import { DEMO_RENTVERIFY_TOKEN, startSimulator } from '../test/simulator';
import { type BenchRow, mean, record, seededRandom } from './measure';

const ARRIVALS = Number(process.env.BENCH_ARRIVALS ?? 60);
const INTERVAL_S = 1;
const SEED = 10;
const NODE_NAME = 'Wait for the SMS code';
/** Waits run five at a time: enough to be quick, few enough that they do not slow each other down. */
const AT_ONCE = 5;

test('3. Wait for Code: detection latency against the poll interval', async () => {
	const sim = await startSimulator({ port: 0, rentVerifyBalance: 1000 });
	sim.rentVerify.setPrice('usa', 'tg', { available: 1000 });
	const floor = WAIT_LIMITS.minInterval;
	WAIT_LIMITS.minInterval = INTERVAL_S;
	const random = seededRandom(SEED);
	const intervalMs = INTERVAL_S * 1000;
	try {
		const ids: string[] = [];
		for (let i = 0; i < ARRIVALS; i++) {
			const answer = await fetch(`${sim.rentVerifyUrl}/getNumber?service=tg&country=usa`, {
				headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN },
			}).then(async (response) => await response.text());
			ids.push(answer.split(':')[1]);
		}
		// Each code arrives between 0.1 and 2.1 intervals after its wait starts: two whole poll cycles,
		// every phase of the cycle equally likely.
		const wait = async (id: string, index: number): Promise<number> => {
			const deliveredAt = Date.now() + 100 + Math.round(random() * 2 * intervalMs);
			sim.rentVerify.scriptCode(id, { atMs: deliveredAt, code: String(100000 + index) });
			const result = await runNode({
				nodeType: new RentVerify(),
				credentialTypes: [new RentVerifyApi()],
				credentials: { rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl } },
				parameters: {
					resource: 'activation',
					operation: 'waitForCode',
					activationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					pollInterval: INTERVAL_S,
					timeout: 60,
				},
				input: [{ id }],
				nodeName: NODE_NAME,
			});
			if (result.status !== 'success' || result.json[0]?.code !== String(100000 + index)) {
				throw new Error(`the wait for ${id} failed: ${String(result.error?.message)}`);
			}
			const [task] = result.run.data.resultData.runData[NODE_NAME];
			return task.startTime + task.executionTime - deliveredAt;
		};
		const latencies: number[] = [];
		for (let first = 0; first < ids.length; first += AT_ONCE) {
			const batch = ids.slice(first, first + AT_ONCE);
			latencies.push(...(await Promise.all(batch.map(async (id, offset) => await wait(id, first + offset)))));
		}
		const average = mean(latencies);
		const worst = Math.max(...latencies);
		const rows: BenchRow[] = [
			{
				id: '3a',
				figure: `Wait for Code, mean time from the code's arrival to the node's output (${ARRIVALS} seeded arrivals)`,
				measured: `${Math.round(average)} ms`,
				against: `poll interval ${intervalMs.toLocaleString('en-US')} ms`,
				ratio: average / intervalMs,
				target: { max: 0.6 },
			},
			{
				id: '3b',
				figure: `Wait for Code, worst time from arrival to output (${ARRIVALS} seeded arrivals)`,
				measured: `${Math.round(worst)} ms`,
				against: `poll interval ${intervalMs.toLocaleString('en-US')} ms`,
				ratio: worst / intervalMs,
				target: { max: 1.05 },
			},
		];
		record('3-waitForCode', rows);
	} finally {
		WAIT_LIMITS.minInterval = floor;
		await sim.close();
	}
});
