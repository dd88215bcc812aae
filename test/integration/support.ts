// Shared setup for the action nodes' integration suites: one simulator per test file, the RentVerify and
// OTPVerified nodes with both credential types, and small helpers for parameters, pairing and the
// simulator's request log.
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OtpVerifiedApi } from '../../credentials/OtpVerifiedApi.credentials';
import { RentVerifyApi } from '../../credentials/RentVerifyApi.credentials';
import { SmsActivateApi } from '../../credentials/SmsActivateApi.credentials';
import { OtpVerified } from '../../nodes/OtpVerified/OtpVerified.node';
import { RentVerify } from '../../nodes/RentVerify/RentVerify.node';
import { SmsActivate } from '../../nodes/SmsActivate/SmsActivate.node';
import { WAIT_LIMITS } from '../../nodes/shared/waitLoop';
import { runNode, startNode, type NodeRunResult, type NodeUnderTest, type RunNodeOptions } from '../helpers/n8nCore';
import {
	DEMO_OTPVERIFIED_TOKEN,
	DEMO_RENTVERIFY_TOKEN,
	startSimulator,
	type LoggedRequest,
	type Provider,
	type Simulator,
	type SimulatorOptions,
} from '../simulator';

export { DEMO_OTPVERIFIED_TOKEN, DEMO_RENTVERIFY_TOKEN };

/**
 * The poll interval this file's waits use, in seconds, with the nodes' floor lowered to it for the file:
 * the nodes keep real providers at 3 seconds or more between polls (WAIT_LIMITS), which tests that are
 * about what a wait does, not when, need not wait out. Files that check the floor itself do not call it.
 */
export function useFastPolling(seconds = 0.2): number {
	const floor = WAIT_LIMITS.minInterval;
	beforeAll(() => {
		WAIT_LIMITS.minInterval = seconds;
	});
	afterAll(() => {
		WAIT_LIMITS.minInterval = floor;
	});
	return seconds;
}

/** What the output promises for times and phones. */
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const E164 = /^\+[1-9]\d{7,14}$/;

export type Run = Omit<RunNodeOptions, 'parameters' | keyof NodeUnderTest> & Partial<NodeUnderTest>;

export type NodeName = 'rentVerify' | 'otpVerified' | 'smsActivate';

/**
 * A node's parameters plus `provider`, which picks the node under test (RentVerify or OTPVerified).
 * `provider` is the harness's, not a node parameter: it is removed before the node sees the rest.
 */
export type NodeCall = INodeParameters & { provider: NodeName };

const NODES = { rentVerify: () => new RentVerify(), otpVerified: () => new OtpVerified(), smsActivate: () => new SmsActivate() };
/** The name n8n gives each node when it is added without an action. */
export const NODE_NAMES: Record<NodeName, string> = {
	rentVerify: 'RentVerify',
	otpVerified: 'OTPVerified',
	smsActivate: 'SMS-Activate Protocol',
};

export interface Suite {
	readonly sim: Simulator;
	/** Node, credential types and credentials pointing at this file's simulator (overridable). */
	node(name: NodeName, credentials?: Record<string, ICredentialDataDecryptedObject>): NodeUnderTest;
	credentials(overrides?: {
		rentVerifyApi?: ICredentialDataDecryptedObject;
		otpVerifiedApi?: ICredentialDataDecryptedObject;
		smsActivateApi?: ICredentialDataDecryptedObject;
	}): Record<string, ICredentialDataDecryptedObject>;
	/** The node and parameters a dropdown loader runs with (`runLoadOptions`, `runListSearch`). */
	loaderNode(call: NodeCall, credentials?: Record<string, ICredentialDataDecryptedObject>): NodeUnderTest & { parameters: INodeParameters };
	run(call: NodeCall, extra?: Run): Promise<NodeRunResult>;
	start(call: NodeCall, extra?: Run): ReturnType<typeof startNode>;
	/** Requests logged from now on: call the returned function later to read them. */
	mark(): (provider?: Provider, route?: string) => LoggedRequest[];
}

/** Starts one simulator for the file (reset before each test) and returns helpers bound to it. */
export function useSuite(options: SimulatorOptions = {}): Suite {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, ...options });
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim?.reset();
	});
	const current = (): Simulator => {
		if (!sim) throw new Error('the simulator is not started yet');
		return sim;
	};
	const suite: Suite = {
		get sim() {
			return current();
		},
		credentials(overrides = {}) {
			return {
				rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: current().rentVerifyUrl, ...overrides.rentVerifyApi },
				otpVerifiedApi: { apiKey: DEMO_OTPVERIFIED_TOKEN, baseUrl: current().otpVerifiedUrl, ...overrides.otpVerifiedApi },
				// HeroSMS by default, at the simulator's HeroSMS flavour.
				smsActivateApi: {
					server: 'heroSms',
					apiKey: DEMO_RENTVERIFY_TOKEN,
					baseUrl: current().flavourUrl('heroSms'),
					...overrides.smsActivateApi,
				},
			};
		},
		node(name, credentials) {
			return {
				nodeType: NODES[name](),
				credentialTypes: [new RentVerifyApi(), new OtpVerifiedApi(), new SmsActivateApi()],
				credentials: credentials ?? suite.credentials(),
			};
		},
		loaderNode({ provider, ...parameters }, credentials) {
			return { ...suite.node(provider, credentials), parameters };
		},
		run(call, extra = {}) {
			return runNode(nodeRun(suite, call, extra));
		},
		start(call, extra = {}) {
			return startNode(nodeRun(suite, call, extra));
		},
		mark() {
			const from = current().requests.length;
			return (provider, route) =>
				current()
					.requests.slice(from)
					.filter((r) => (provider === undefined || r.provider === provider) && (route === undefined || r.route === route));
		},
	};
	return suite;
}

function nodeRun(suite: Suite, { provider, ...parameters }: NodeCall, extra: Run): RunNodeOptions {
	return { ...suite.node(provider), nodeName: NODE_NAMES[provider], ...extra, parameters };
}

/** RentVerify parameters for one operation. */
export function rv(resource: string, operation: string, rest: INodeParameters = {}): NodeCall {
	return { provider: 'rentVerify', resource, operation, ...rest };
}

/** SMS-Activate Protocol parameters for one operation. */
export function sa(resource: string, operation: string, rest: INodeParameters = {}): NodeCall {
	return { provider: 'smsActivate', resource, operation, ...rest };
}

/** OTPVerified parameters for one operation. */
export function otp(resource: string, operation: string, rest: INodeParameters = {}): NodeCall {
	return { provider: 'otpVerified', resource, operation, ...rest };
}

/** A resource locator value "By ID" (may be an expression). */
export function byId(value: string): INodeParameters {
	return { __rl: true, mode: 'id', value };
}

/** The input item each output item is paired with. */
export function pairs(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.pairedItem);
}

/** `[{ item: 0 }, { item: 1 }, …]` for the given input indexes. */
export function paired(...indexes: number[]): Array<{ item: number }> {
	return indexes.map((item) => ({ item }));
}

/** Whether an output item is an error item (Continue On Fail). */
export function isErrorItem(item: INodeExecutionData): boolean {
	return item.json.error !== undefined;
}

/** The error item the router writes under Continue On Fail: what happened, and (non-empty) what to do. */
export function errorItem(message: RegExp, description: RegExp = /\S/): IDataObject {
	return { error: expect.stringMatching(message), description: expect.stringMatching(description) } as IDataObject;
}

/** Buys a number straight from the simulator (setup, not under test); returns its id. */
export async function buyDirect(sim: Simulator, country = 'usa', service = 'tg'): Promise<string> {
	const response = await fetch(`${sim.rentVerifyUrl}/getNumber?service=${service}&country=${country}`, {
		headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN },
	});
	const text = await response.text();
	const match = /^ACCESS_NUMBER:(\d+):/.exec(text);
	if (!match) throw new Error(`setup purchase failed: ${response.status} ${text}`);
	return match[1];
}

/** Rents a number straight from the simulator (setup, not under test); returns its order ID. */
export async function rentDirect(sim: Simulator, serviceId = '1fe58df2', duration = 'thirtyDay'): Promise<string> {
	const response = await fetch(`${sim.otpVerifiedUrl}/users/request-rental`, {
		method: 'POST',
		headers: { authorization: `Bearer ${DEMO_OTPVERIFIED_TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify({ serviceId, duration }),
	});
	const body = (await response.json()) as { data?: { orderId?: string } };
	if (!body.data?.orderId) throw new Error(`setup rental failed: ${response.status} ${JSON.stringify(body)}`);
	return body.data.orderId;
}

export const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Money compared in cents, so 25.5 - 0.5 + 0.4 is 25.4. */
export const cents = (dollars: number) => Math.round(dollars * 100);
