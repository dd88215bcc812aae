// The whole trigger part of the scale suite (`npm run test:scale`): RentVerify Trigger in n8n's queue mode,
// main + 2 workers (triggerScenario.ts), four phases of 10 codes each (no fault, a worker killed
// mid-execution, the main restarted, Redis restarted), once in n8n's default mode and once with durable
// poll cursors (README, Trigger). Each phase prints codes delivered, executions started, duplicates, lost.
// Every cell requires lost 0 and duplicates 0 but one, which n8n's durable scheduler causes (see below).
import { type Simulator, startSimulator } from '../simulator';
import { DURABLE_CURSORS, QueueCluster } from './cluster';
import { SEED, random, rentVerifyCredential, report } from './support';
import { ALL_FAULTS, TRIGGER_WORKFLOW_ID, TriggerScenario, triggerScaleWorkflow } from './triggerScenario';

const CODES_PER_PHASE = 10;
const WINDOW_MS = 35_000; // codes arrive over about three polls

// SCALE_MODES=default|durable and SCALE_FAULTS=<comma-separated faults> run a part (e.g. to look at one cell).
const modes: Array<[string, Record<string, string>]> = (
	[
		['default mode', {}],
		['durable poll cursors', DURABLE_CURSORS],
	] as Array<[string, Record<string, string>]>
).filter(([name]) => !process.env.SCALE_MODES || process.env.SCALE_MODES.split(',').some((m) => name.startsWith(m)));
const faults = ALL_FAULTS.filter((f) => !process.env.SCALE_FAULTS || process.env.SCALE_FAULTS.split(',').includes(f));

describe.each(modes)('RentVerify Trigger in queue mode, main + 2 workers (%s)', (mode, modeEnv) => {
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

	// n8n 2.41's durable scheduler, started again after the main was down, fires the missed occurrence of every
	// Poll Times entry at once (six entries here, one every 10 s), each poll reading the same committed cursor:
	// the codes that arrived meanwhile are emitted once per concurrent poll (seen in n8n's debug log: four
	// "Poll returned new data" within 0.3 s after "Scheduler fired a task later than its scheduled time").
	// README, Scaling, says so; this cell counts those duplicates and still requires that nothing is lost.
	const duplicatesKnown = (fault: string) => mode === 'durable poll cursors' && fault === 'main restarted';

	it.each(faults)('each code starts exactly one execution on a worker: %s', async (fault) => {
		const counts = await scenario.phase(fault, CODES_PER_PHASE, WINDOW_MS, { duplicatesKnown: duplicatesKnown(fault) });
		if (duplicatesKnown(fault)) report(`${mode}, ${fault}: duplicates come from n8n's concurrent catch-up polls: ${counts.duplicates}`);
	});

	it('spread the executions over both workers', () => {
		expect([...scenario.workersUsed].sort()).toEqual(['w1', 'w2']);
	});
});
