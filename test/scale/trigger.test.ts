// The whole trigger part of the scale suite (`npm run test:scale`): RentVerify Trigger in n8n's queue mode,
// main + 2 workers (triggerScenario.ts), four phases of 10 codes each (no fault, a worker killed
// mid-execution, the main restarted, Redis restarted), once in n8n's default mode and once with durable
// poll cursors (README, Trigger). Each phase prints codes delivered, executions started, duplicates, lost.
// Every cell requires lost 0 and duplicates 0.
import type { Simulator } from '../simulator';
import { DURABLE_CURSORS, QueueCluster } from './cluster';
import { SEED, random, startSimulatorAndCluster } from './support';
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
	// Durable cursors: the main logs at debug level, so each phase can count the polls the trigger left out.
	const cluster = new QueueCluster({ env: modeEnv, mainLogLevel: mode === 'durable poll cursors' ? 'debug' : undefined });
	let simulator: Simulator;
	let scenario: TriggerScenario;

	beforeAll(async () => {
		simulator = await startSimulatorAndCluster(cluster, (credential) => [triggerScaleWorkflow(credential)]);
		await cluster.activate(TRIGGER_WORKFLOW_ID);
		scenario = new TriggerScenario(cluster, simulator, mode, random(SEED + (mode === 'default mode' ? 0 : 1)));
		await scenario.activated();
	});

	afterAll(async () => {
		await cluster.destroy();
		await simulator?.close();
	});

	// With durable poll cursors, n8n 2.41's scheduler, started again after the main was down, fires the missed
	// occurrence of every Poll Times entry at once (six entries here, one every 10 s), each poll reading the same
	// committed cursor (docs/N8N.md, Queue mode). The trigger runs one of them and leaves the others out
	// (nodes/shared/trigger/pollState.ts); the "main restarted" cell is where that shows.
	it.each(faults)('each code starts exactly one execution on a worker: %s', async (fault) => {
		await scenario.phase(fault, CODES_PER_PHASE, WINDOW_MS);
	});

	it('spread the executions over both workers', () => {
		expect([...scenario.workersUsed].sort()).toEqual(['w1', 'w2']);
	});
});
