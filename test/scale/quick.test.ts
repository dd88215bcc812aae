// The quick form of the scale suite (jest.scale.quick.config.js, which runs this file alone; about 4 minutes), on one
// queue-mode cluster (main + 2 workers) to pay for one set-up: the trigger with 6 codes while a worker is
// killed mid-execution (default mode), 8 waits started together with 2 stopped from the main, and a worker
// killed during Buy a number. `npm run test:scale` (and `npm test`) run the whole suite instead (README, Scaling).
import type { Simulator } from '../simulator';
import { QueueCluster } from './cluster';
import { SEED, random, startSimulatorAndCluster } from './support';
import { TRIGGER_WORKFLOW_ID, TriggerScenario, triggerScaleWorkflow } from './triggerScenario';
import { BUY_AND_WAIT, BUY_ONCE, noSecondPurchaseAfterWorkerCrash, waitsSpreadOverWorkers, workerWorkflows } from './workersScenario';

describe('n8n queue mode, main + 2 workers (quick form)', () => {
	const cluster = new QueueCluster();
	let simulator: Simulator;
	let scenario: TriggerScenario;

	beforeAll(async () => {
		simulator = await startSimulatorAndCluster(cluster, (credential) => [triggerScaleWorkflow(credential), ...workerWorkflows(credential)]);
		await cluster.activate(TRIGGER_WORKFLOW_ID);
		scenario = new TriggerScenario(cluster, simulator, 'default mode', random(SEED));
		await scenario.activated();
	});

	afterAll(async () => {
		await cluster.destroy();
		await simulator?.close();
	});

	it('trigger: each code starts exactly one execution on a worker, a worker killed mid-execution', async () => {
		await scenario.phase('worker killed mid-execution', 6, 25_000);
	});

	it('waits spread over both workers, each with its code; stopped ones stop polling', async () => {
		// The trigger would start executions for these numbers' codes too: it is unpublished first.
		await cluster.deactivate(TRIGGER_WORKFLOW_ID);
		await cluster.activate(BUY_AND_WAIT.id);
		await waitsSpreadOverWorkers(cluster, simulator, 8, 2);
	});

	it('never buys twice when the worker running Buy a number is killed', async () => {
		await cluster.activate(BUY_ONCE.id);
		await noSecondPurchaseAfterWorkerCrash(cluster, simulator);
	});
});
