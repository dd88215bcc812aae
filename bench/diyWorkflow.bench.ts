/**
 * 5. Against the workflow an n8n user builds without this package, both run with `n8n execute` in the
 * real, pinned n8n (scripts/n8nRuntime.js, as the end-to-end tests do), for the same code arriving 30 s
 * after the purchase, polled every 5 s:
 *
 * - do it yourself: Manual Trigger → HTTP Request (getNumber) → HTTP Request (getStatus) → IF (the answer
 *   starts with STATUS_OK) → false: Wait 5 s → back to the status request;
 * - this package: Manual Trigger → RentVerify Buy a number → RentVerify Wait for the SMS code (5 s).
 *
 * Node executions are counted in each execution's run data; the time to code is from the trigger's start
 * to the end of the node that has the code (the last IF run, Wait for the SMS code), by n8n's own clock.
 * Needs the built package (`npm run bench` builds first).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../test/simulator';
import { type BenchRow, ROOT, ms, record } from './measure';

interface Run {
	startTime: number;
	executionTime: number;
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
}
interface Execution {
	status?: string;
	data: { resultData: { runData: Record<string, Run[]>; error?: { message: string } } };
}
interface Runtime {
	ensureN8n(opts?: { log?: (message: string) => void }): Promise<unknown>;
	linkPackage(userFolder: string, packageRoot: string): string;
	n8nCli(args: string[], opts: { userFolder: string; timeoutMs?: number }): Promise<{ stdout: string; stderr: string; code: unknown }>;
	importCredentials(userFolder: string, creds: object[]): Promise<unknown>;
	importWorkflows(userFolder: string, workflows: object[]): Promise<unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require(path.join(ROOT, 'scripts', 'n8nRuntime.js')) as Runtime;

const ARRIVAL_MS = 30_000;
const INTERVAL_S = 5;
const CODE = '482913';
const credential = { id: 'benchRentVerify01', name: 'RentVerify (simulator, bench)', type: 'rentVerifyApi' };

const manual = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const main = (node: string) => ({ main: [[{ node, type: 'main', index: 0 }]] });

function doItYourself(baseUrl: string) {
	const http = (name: string, route: string, query: Array<{ name: string; value: string }>, x: number) => ({
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: {
			url: `${baseUrl}/${route}`,
			sendQuery: true,
			queryParameters: { parameters: query },
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'X-API-Token', value: DEMO_RENTVERIFY_TOKEN }] },
			options: { response: { response: { responseFormat: 'text' } } },
		},
	});
	return {
		id: 'benchDiyWorkflow1',
		name: 'Bench: do it yourself',
		active: false,
		nodes: [
			manual,
			http('Buy', 'getNumber', [{ name: 'service', value: 'tg' }, { name: 'country', value: 'usa' }], 220),
			http('Status', 'getStatus', [{ name: 'id', value: "={{ $('Buy').first().json.data.split(':')[1] }}" }], 440),
			{
				name: 'Code arrived?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [660, 0],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [
							{ id: 'status-ok', leftValue: '={{ $json.data }}', rightValue: 'STATUS_OK', operator: { type: 'string', operation: 'startsWith' } },
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			{
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [880, 120],
				parameters: { resume: 'timeInterval', amount: INTERVAL_S, unit: 'seconds' },
			},
		].map((node, index) => ({ id: `benchDiy-${index}`, ...node })),
		connections: {
			Start: main('Buy'),
			Buy: main('Status'),
			Status: main('Code arrived?'),
			'Code arrived?': { main: [[], [{ node: 'Wait', type: 'main', index: 0 }]] },
			Wait: main('Status'),
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function withThisPackage() {
	const credentials = { [credential.type]: { id: credential.id, name: credential.name } };
	return {
		id: 'benchOurWorkflow1',
		name: 'Bench: this package',
		active: false,
		nodes: [
			manual,
			{
				name: 'Buy a number',
				type: 'n8n-nodes-sms-verification.rentVerify',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'activation', operation: 'buyNumber', country: 'usa', service: 'tg' },
				credentials,
			},
			{
				name: 'Wait for the SMS code',
				type: 'n8n-nodes-sms-verification.rentVerify',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'activation',
					operation: 'waitForCode',
					activationId: { __rl: true, mode: 'id', value: "={{ $('Buy a number').item.json.id }}" },
					pollInterval: INTERVAL_S,
					timeout: 120,
				},
				credentials,
			},
		].map((node, index) => ({ id: `benchOurs-${index}`, ...node })),
		connections: { Start: main('Buy a number'), 'Buy a number': main('Wait for the SMS code') },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// `n8n execute --rawOutput` prints the execution as pretty JSON after a few log lines.
function parseExecution(stdout: string): Execution | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	for (let end = start; start !== -1 && end < lines.length; end++) {
		if (!lines[end].startsWith('}')) continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n')) as Execution;
		} catch {
			// a `}` inside a multi-line value: keep looking
		}
	}
	return undefined;
}

/** Runs a workflow while scripting the code 30 s after whatever it buys. */
async function execute(sim: Simulator, userFolder: string, id: string): Promise<Execution> {
	sim.reset();
	let running = true;
	const scripter = (async () => {
		while (running) {
			const [bought] = sim.rentVerify.activations();
			if (bought) {
				sim.rentVerify.scriptCode(bought.id, { atMs: bought.createdAt + ARRIVAL_MS, code: CODE });
				return;
			}
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	})();
	try {
		const result = await runtime.n8nCli(['execute', `--id=${id}`, '--rawOutput'], { userFolder, timeoutMs: 5 * 60_000 });
		const execution = parseExecution(result.stdout);
		if (!execution || execution.status !== 'success') {
			throw new Error(`n8n execute --id=${id} did not succeed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		}
		return execution;
	} finally {
		running = false;
		await scripter;
	}
}

function summary(execution: Execution, codeNode: string): { executions: number; timeToCode: number } {
	const { runData } = execution.data.resultData;
	const runs = Object.values(runData).flat();
	const start = Math.min(...runData.Start.map((run) => run.startTime));
	const last = runData[codeNode][runData[codeNode].length - 1];
	const items = last.data?.main[0] ?? [];
	const text = JSON.stringify(items.map((item) => item.json));
	if (!text.includes(CODE)) throw new Error(`${codeNode} did not output the code: ${text}`);
	return { executions: runs.length, timeToCode: last.startTime + last.executionTime - start };
}

test('5. against the do-it-yourself workflow in the real n8n', async () => {
	await runtime.ensureN8n({ log: (message) => process.stderr.write(`[n8n-runtime] ${message}\n`) });
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'RentVerify', 'RentVerify.node.js'))) {
		throw new Error('The package is not built: run `npm run bench`, which builds it first');
	}
	const sim = await startSimulator({ port: 0, host: '127.0.0.1' });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-bench-'));
	try {
		runtime.linkPackage(userFolder, ROOT);
		await runtime.importCredentials(userFolder, [
			{ ...credential, data: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl, authHeader: 'xApiToken' } },
		]);
		await runtime.importWorkflows(userFolder, [doItYourself(sim.rentVerifyUrl), withThisPackage()]);
		const diy = summary(await execute(sim, userFolder, 'benchDiyWorkflow1'), 'Code arrived?');
		const ours = summary(await execute(sim, userFolder, 'benchOurWorkflow1'), 'Wait for the SMS code');
		const rows: BenchRow[] = [
			{
				id: '5a',
				figure: `Buy → Wait for Code in the real n8n, node executions (code ${ARRIVAL_MS / 1000} s after purchase, ${INTERVAL_S} s interval)`,
				measured: `${ours.executions}`,
				against: `do-it-yourself loop (HTTP Request, IF, Wait) ${diy.executions}`,
				ratio: ours.executions / diy.executions,
				target: { max: 0.2 },
			},
			{
				id: '5b',
				figure: 'Buy → Wait for Code in the real n8n, time from start to the code',
				measured: ms(ours.timeToCode),
				against: `do-it-yourself loop ${ms(diy.timeToCode)}`,
				ratio: ours.timeToCode / diy.timeToCode,
				target: { max: 1.0 },
			},
		];
		record('5-diyWorkflow', rows);
	} finally {
		await sim.close();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
});
