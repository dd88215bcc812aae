// What the scale tests share beyond cluster.ts: a seeded random source, the RentVerify credential and
// workflows for the simulator, and the report lines the suite prints.
import { DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../simulator';
import { type Credential, PACKAGE_NAME } from '../e2e/harness';
import { mulberry32 } from '../simulator/random';
import type { QueueCluster } from './cluster';

/** mulberry32 (the simulator's): the same seed gives the same schedule (SCALE_SEED, printed with each report). */
export const random = mulberry32;

export const SEED = Number(process.env.SCALE_SEED ?? Date.now() % 100000);

export function rentVerifyCredential(simulator: Simulator): Credential {
	return {
		id: 'scaleRentVerify01',
		name: 'RentVerify (simulator, scale)',
		type: 'rentVerifyApi',
		data: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.rentVerifyUrl, authHeader: 'xApiToken' },
	};
}

/**
 * What every scale test starts with: the simulator (RentVerify with money; codes only when the test delivers
 * them) and the cluster set up with the simulator's RentVerify credential and `workflows`, its main and workers
 * w1 and w2 running. A failed start stops the simulator again; the cluster's afterAll `destroy` does the rest.
 */
export async function startSimulatorAndCluster(
	cluster: QueueCluster,
	workflows: (credential: Credential) => object[],
): Promise<Simulator> {
	const simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null, rentVerifyBalance: 10_000 });
	try {
		await cluster.setUp();
		const credential = rentVerifyCredential(simulator);
		await cluster.importCredentials([credential]);
		await cluster.importWorkflows(workflows(credential));
		await cluster.startMain();
		await cluster.startWorker('w1');
		await cluster.startWorker('w2');
		return simulator;
	} catch (error) {
		await simulator.close();
		throw error;
	}
}

export const creds = (credential: Credential) => ({ [credential.type]: { id: credential.id, name: credential.name } });

/** A Wait node that pauses `seconds` in the worker's process (under 65 s n8n does not offload it). */
export function pauseNode(name: string, seconds: number, position: [number, number]) {
	return {
		id: `${name.replace(/\W/g, '')}-pause`,
		name,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position,
		parameters: { resume: 'timeInterval', amount: seconds, unit: 'seconds' },
		webhookId: '5f1c1a52-3a0c-4a61-9a8e-7d0b3b1f0a01',
	};
}

/** A production webhook that answers at once and starts the workflow (in queue mode, on a worker). */
export function webhookNode(pathName: string, webhookId: string) {
	return {
		id: `${pathName}-webhook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0] as [number, number],
		parameters: { httpMethod: 'POST', path: pathName, responseMode: 'onReceived', options: {} },
		webhookId,
	};
}

export function rentVerifyNode(name: string, position: [number, number], parameters: Record<string, unknown>, credential: Credential) {
	return {
		id: `${name.replace(/\W/g, '')}-rv`,
		name,
		type: `${PACKAGE_NAME}.rentVerify`,
		typeVersion: 1,
		position,
		parameters,
		credentials: creds(credential),
	};
}

/** Writes straight to the terminal (jest holds console.log back until a file ends). */
export function report(line: string): void {
	process.stderr.write(`[scale] ${line}\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
