/**
 * One trigger poll over many active activations, each status request slowed to 25 ms by the simulator.
 * Baseline: the same poll with one request at a time (Parallel Requests = 1), measured in the same run.
 */
import { buyNumber, pollOnce, startSimulator } from '../test/integration/triggerSupport';
import { medianMs, printRatios } from './measure';

const ACTIVATIONS = Number(process.env.BENCH_ACTIVATIONS ?? 60);
const LATENCY_MS = 25;
const RUNS = 5;

test('trigger poll: parallel status requests vs one at a time', async () => {
	const sim = await startSimulator({ port: 0, rentVerifyBalance: 1000 });
	for (let i = 0; i < ACTIVATIONS; i++) await buyNumber(sim);
	sim.fault('rentVerify', 'getStatus', { kind: 'latency', ms: LATENCY_MS, times: Infinity });

	const pollWith = async (concurrency: number) => {
		const parameters = { provider: 'rentVerify' as const, event: 'newCode', options: { concurrency } };
		// The activation poll remembers what is there; the measured polls then read every status again.
		const { staticData } = await pollOnce(sim, parameters, undefined, { activation: 'activate' });
		return await medianMs(RUNS, async () => await pollOnce(sim, parameters, staticData, { activation: 'init' }));
	};

	const rows = [];
	for (const concurrency of [1, 5, 10]) {
		rows.push({
			name: concurrency === 1 ? 'baseline: Parallel Requests = 1' : `Parallel Requests = ${concurrency}${concurrency === 5 ? ' (default)' : ''}`,
			ms: await pollWith(concurrency),
		});
	}
	printRatios(`Trigger poll, ${ACTIVATIONS} active activations, ${LATENCY_MS} ms per status request (median of ${RUNS})`, rows);
	await sim.close();
});
