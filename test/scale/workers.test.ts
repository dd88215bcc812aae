// The RentVerify node's waits and purchases in n8n's queue mode, main + 2 workers (workersScenario.ts), as
// the whole scale suite runs them (`npm run test:scale`): 20 executions of Buy a number → Wait for the SMS
// code finish with their codes on both workers while 4 more are stopped from the main, then a worker is
// killed during Buy a number.
import type { Simulator } from '../simulator';
import { QueueCluster } from './cluster';
import { startSimulatorAndCluster } from './support';
import { BUY_AND_WAIT, BUY_ONCE, noSecondPurchaseAfterWorkerCrash, waitsSpreadOverWorkers, workerWorkflows } from './workersScenario';

describe('RentVerify in queue mode, main + 2 workers', () => {
	const cluster = new QueueCluster({ concurrency: 15 });
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulatorAndCluster(cluster, workerWorkflows);
		await cluster.activate(BUY_AND_WAIT.id);
		await cluster.activate(BUY_ONCE.id);
	});

	afterAll(async () => {
		await cluster.destroy();
		await simulator?.close();
	});

	it('spreads 20 waits over both workers, each with its code; 4 more stopped from the main stop polling', async () => {
		await waitsSpreadOverWorkers(cluster, simulator, 24, 4);
	});

	it('never buys twice when the worker running Buy a number is killed', async () => {
		await noSecondPurchaseAfterWorkerCrash(cluster, simulator);
	});
});
