// Shared by the trigger tests: the simulator, purchases over HTTP, and an n8n "deployment" that carries the
// trigger's static data from poll to poll the way n8n 2.41 persists it (docs/N8N.md, "When n8n
// saves a polling trigger's static data"):
// - default mode: the state is saved after a poll that emits items and after the poll run at activation
//   (also the one after a restart); a poll that returns null changes only the in-memory copy, and a restart
//   rolls back to the last save;
// - durable poll cursors: n8n reads the state from its cursor table for every poll and commits every scheduled
//   poll that changed it, but not the poll run at activation when it emits nothing (observed in n8n 2.41.1 end to
//   end); the trigger bridges that gap with what its process remembers, which a restart forgets. After downtime
//   the scheduler runs the missed occurrence of every Poll Times entry at once, each from the same committed
//   cursor, each committing when it ends (`catchUp`).
// Every poll goes through n8n-core's real PollContext (runPoll), and the state crosses each poll as a JSON string.
import { isDeepStrictEqual } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OtpVerifiedApi } from '../../credentials/OtpVerifiedApi.credentials';
import { RentVerifyApi } from '../../credentials/RentVerifyApi.credentials';
import { OtpVerifiedTrigger } from '../../nodes/OtpVerified/OtpVerifiedTrigger.node';
import { RentVerifyTrigger } from '../../nodes/RentVerify/RentVerifyTrigger.node';
import { LEFT_OUT_LOG, forgetProcessMemory } from '../../nodes/shared/trigger/pollState';
import { runPoll, type PollResult } from '../helpers/n8nCore';
import {
	DEMO_OTPVERIFIED_TOKEN,
	DEMO_RENTVERIFY_TOKEN,
	startSimulator,
	type Simulator,
} from '../simulator';

export { DEMO_OTPVERIFIED_TOKEN, DEMO_RENTVERIFY_TOKEN, startSimulator, type Simulator };

/** The trigger's name in the test workflow (its static data is kept under `node:<name>`). */
export const NODE_NAME = 'SMS Trigger';
/** The bound the trigger's state is tested against: 64 KiB (STATE_BUDGET_BYTES in state.ts keeps it under 56). */
export const STATE_BOUND_BYTES = 64 * 1024;

const triggers = { rentVerify: new RentVerifyTrigger(), otpVerified: new OtpVerifiedTrigger() };

/**
 * A trigger's parameters plus `provider`, which picks the trigger under test (RentVerify Trigger or
 * OTPVerified Trigger). `provider` is the harness's, not a node parameter: the trigger never sees it.
 */
export type TriggerCall = INodeParameters & { provider: keyof typeof triggers };
const credentialTypes = [new RentVerifyApi(), new OtpVerifiedApi()];

export function credentialsFor(sim: Simulator, tokens: { rentVerify?: string; otpVerified?: string } = {}) {
	return {
		rentVerifyApi: { token: tokens.rentVerify ?? DEMO_RENTVERIFY_TOKEN, baseUrl: sim.rentVerifyUrl },
		otpVerifiedApi: { apiKey: tokens.otpVerified ?? DEMO_OTPVERIFIED_TOKEN, baseUrl: sim.otpVerifiedUrl },
	};
}

/**
 * The simulator of a trigger test file: started once (with `options`), reset and stocked before each test,
 * closed after the file. `onStart` receives it.
 */
export function useTriggerSimulator(onStart: (sim: Simulator) => void, options?: Parameters<typeof startSimulator>[0]): void {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator(options);
		onStart(sim);
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim?.reset();
		if (sim) stock(sim);
	});
}

/** Whether the trigger left the poll out (pollState.ts): it logged so, and made no request. */
export const wasLeftOut = (result: PollResult): boolean => result.logged.some((line) => line.message.startsWith(LEFT_OUT_LOG));

/** One poll through n8n-core; `staticData` is the JSON of workflow.staticData before it. */
export async function pollOnce(
	sim: Simulator,
	{ provider, ...parameters }: TriggerCall,
	staticData: string | undefined,
	extra: {
		mode?: 'trigger' | 'manual';
		activation?: 'activate' | 'init' | 'update' | 'manual';
		tokens?: { rentVerify?: string; otpVerified?: string };
		workflowId?: string;
	} = {},
): Promise<PollResult> {
	// A fresh poll outside a Deployment is a new workflow: nothing this process remembers belongs to it.
	if (staticData === undefined && extra.workflowId === undefined) forgetProcessMemory('harness-poll-workflow');
	return await runPoll({
		nodeType: triggers[provider],
		credentialTypes,
		credentials: credentialsFor(sim, extra.tokens),
		parameters,
		staticData,
		mode: extra.mode,
		activation: extra.activation,
		nodeName: NODE_NAME,
		workflowId: extra.workflowId,
	});
}

export interface PollRecord {
	/** Emitted items' json ([] for a null poll). */
	json: IDataObject[];
	/** The poll threw (its error), and so changed nothing. */
	error?: Error;
	activation: boolean;
	/** The trigger left this poll out (another poll of it was running, or its cursor was behind): it made no request. */
	leftOut: boolean;
}


/**
 * A workflow with this trigger, active in an n8n that saves static data as 2.41 does. `memory` is the static
 * data the running n8n holds, `saved` what its database holds.
 */
let deployments = 0;

export class Deployment {
	memory: string | undefined;
	saved: string | undefined;
	/** The next poll is the one n8n runs at activation (first activation, or after a restart). */
	activating = true;
	readonly emitted: IDataObject[] = [];
	polls = 0;
	restarts = 0;
	readonly workflowId = `deployment-${++deployments}`;

	constructor(
		readonly sim: Simulator,
		public parameters: TriggerCall,
		readonly durable = false,
	) {}

	/** Runs one poll; a thrown poll is returned as `error` (n8n reports it; the state is untouched). */
	async poll(): Promise<PollRecord> {
		const activation = this.activating;
		// Durable cursors: n8n reads the committed cursor for every poll, not the in-memory copy.
		const record = await this.pollFrom(this.durable ? this.saved : this.memory, activation);
		if (!record.error) this.activating = false;
		return record;
	}

	/**
	 * Durable cursors, after downtime: n8n's scheduler runs `count` polls of the node at once, all from the
	 * committed cursor, and commits each as it ends. Returns their records in the order they were started.
	 */
	async catchUp(count: number): Promise<PollRecord[]> {
		if (!this.durable || this.activating) throw new Error('catchUp: durable cursors, after the activation poll');
		const from = this.saved;
		return await Promise.all(Array.from({ length: count }, async () => await this.pollFrom(from, false)));
	}

	private async pollFrom(staticData: string | undefined, activation: boolean): Promise<PollRecord> {
		this.polls++;
		let result: PollResult;
		try {
			result = await pollOnce(this.sim, this.parameters, staticData, {
				activation: activation ? (this.memory === undefined ? 'activate' : 'init') : 'init',
				workflowId: this.workflowId,
			});
		} catch (error) {
			// An activation poll that throws fails the activation: n8n tries to activate again later, so
			// the next poll is an activation poll too.
			return { json: [], error: error as Error, activation, leftOut: false };
		}
		this.memory = result.staticData;
		const emitted = result.items !== null;
		// Durable cursors: n8n commits a poll's cursor only when the poll changed it (deep equality).
		const changed = !isDeepStrictEqual(JSON.parse(staticData ?? '{}'), JSON.parse(result.staticData));
		if (emitted || (this.durable ? !activation && changed : activation)) this.saved = this.memory;
		this.emitted.push(...result.json);
		return { json: result.json, activation, leftOut: wasLeftOut(result) };
	}

	/** n8n stops (cleanly or not) and starts again: the in-memory state is replaced by the saved one. */
	restart(): void {
		forgetProcessMemory(this.workflowId);
		this.restarts++;
		this.memory = this.saved;
		this.activating = true;
	}

	/** The node's part of the in-memory static data. */
	nodeState(): IDataObject {
		return this.memory === undefined ? {} : ((JSON.parse(this.memory) as IDataObject)[`node:${NODE_NAME}`] as IDataObject) ?? {};
	}

	stateBytes(): number {
		return Buffer.byteLength(JSON.stringify(this.nodeState()));
	}
}

async function get(url: string, headers: Record<string, string>): Promise<string> {
	const response = await fetch(url, { headers });
	return await response.text();
}

/** Buys a RentVerify number over HTTP, as a workflow would; returns the activation id. */
export async function buyNumber(sim: Simulator, service = 'tg', country = 'usa'): Promise<string> {
	const body = await get(`${sim.rentVerifyUrl}/getNumber?service=${service}&country=${country}`, {
		'X-API-Token': DEMO_RENTVERIFY_TOKEN,
	});
	const match = /^ACCESS_NUMBER:(\d+):/.exec(body);
	if (!match) throw new Error(`buying a number failed: ${body}`);
	return match[1];
}

/** Rents an OTPVerified number over HTTP; returns the order id. */
export async function rentNumber(sim: Simulator, serviceId = '6b816098'): Promise<string> {
	const response = await fetch(`${sim.otpVerifiedUrl}/users/request-rental`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${DEMO_OTPVERIFIED_TOKEN}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ serviceId, duration: 'oneDay' }),
	});
	const answer = (await response.json()) as { data?: { orderId?: string } };
	if (!answer.data?.orderId) throw new Error(`renting a number failed: ${JSON.stringify(answer)}`);
	return answer.data.orderId;
}

/** Plenty of money and numbers, so that large tests never run out. */
export function stock(sim: Simulator): void {
	sim.rentVerify.setBalance(1_000_000);
	sim.rentVerify.setPrice('usa', 'tg', { available: 1_000_000 });
	sim.rentVerify.setPrice('usa', 'wa', { available: 1_000_000 });
	sim.rentVerify.setPrice('india', 'tg', { available: 1_000_000 });
	sim.otpVerified.setBalance(1_000_000);
}

export const RENTVERIFY = { provider: 'rentVerify', event: 'newCode' } as const;
export const otpVerifiedParameters = (orderIds: string[], options: INodeParameters = {}): TriggerCall => ({
	provider: 'otpVerified',
	event: 'newMessage',
	orderIds: orderIds.join(', '),
	options,
});

/** `rentVerify:<id>:<code>` of each emitted item, for set comparisons. */
export const eventIds = (items: IDataObject[]): string[] => items.map((item) => String(item.eventId));
