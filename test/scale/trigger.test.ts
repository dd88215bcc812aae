// The whole trigger part of the scale suite (`npm run test:scale`): RentVerify Trigger in n8n's queue mode,
// main + 2 workers (triggerScenario.ts), four phases of 10 codes each (no fault, a worker killed
// mid-execution, the main restarted, Redis restarted), once in n8n's default mode and once with durable
// poll cursors (README, Trigger). Each phase prints codes delivered, executions started, duplicates, lost.
import { type Simulator, startSimulator } from '../simulator';
import { DURABLE_CURSORS, QueueCluster } from './cluster';
import { CI_FORM, SEED, random, rentVerifyCredential } from './support';
import { ALL_FAULTS, TRIGGER_WORKFLOW_ID, TriggerScenario, triggerScaleWorkflow } from './triggerScenario';

const CODES_PER_PHASE = 10;
const WINDOW_MS = 35_000; // codes arrive over about three polls

const modes: Array<[string, Record<string, string>]> = [
	['default mode', {}],
	['durable poll cursors', DURABLE_CURSORS],
];

(CI_FORM ? describe.skip : describe).each(modes)('RentVerify Trigger in queue mode, main + 2 workers (%s)', (mode, modeEnv) => {
	const cluster = new QueueCluster({ env: modeEnv });
	let simulator: Simulator;
	let scenario: TriggerScenario;

	beforeAll(async () => {
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null, rentVerifyBalance: 10_000 });
		await cluster.setUp();
		const credential = rentVerifyCredential(simulator);
		await cluster.importCredentials([credential]);
		await cluster.importWorkflows([triggerScaleWorkflow(credential)]);
		await cluster.startMain();
		await cluster.startWorker('w1');
		await cluster.startWorker('w2');
		await cluster.activate(TRIGGER_WORKFLOW_ID);
		scenario = new TriggerScenario(cluster, simulator, mode, random(SEED + (mode === 'default mode' ? 0 : 1)));
		await scenario.activated();
	});

	afterAll(async () => {
		await cluster.destroy();
		await simulator?.close();
	});

	it.each(ALL_FAULTS)('each code starts exactly one execution on a worker: %s', async (fault) => {
		await scenario.phase(fault, CODES_PER_PHASE, WINDOW_MS);
	});

	it('spread the executions over both workers', () => {
		expect([...scenario.workersUsed].sort()).toEqual(['w1', 'w2']);
	});
});
