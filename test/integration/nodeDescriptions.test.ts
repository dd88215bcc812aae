// Every node's description, checked against the code and against its checked-in snapshot: each
// resource/operation shown has an operation file and a router entry and vice versa, defaults are real
// options, every operation has an action whose text is unique in the package, fields show only for their
// operation, each node has exactly its provider's credential, subtitles are words, codex aliases find the
// node, no block is copied between nodes; and the BUILT package loads through n8n-core's loader.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type {
	IExecuteFunctions,
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, NodeOperationError, deepCopy } from 'n8n-workflow';
import { PackageDirectoryLoader } from 'n8n-core';

import { OtpVerified } from '../../nodes/OtpVerified/OtpVerified.node';
import { OtpVerifiedTrigger } from '../../nodes/OtpVerified/OtpVerifiedTrigger.node';
import * as otpVerifiedResources from '../../nodes/OtpVerified/v1/actions/resources';
import { router as otpVerifiedRouter } from '../../nodes/OtpVerified/v1/actions/router';
import { RentVerify } from '../../nodes/RentVerify/RentVerify.node';
import { RentVerifyTrigger } from '../../nodes/RentVerify/RentVerifyTrigger.node';
import * as rentVerifyResources from '../../nodes/RentVerify/v1/actions/resources';
import { router as rentVerifyRouter } from '../../nodes/RentVerify/v1/actions/router';
import { SmsActivate } from '../../nodes/SmsActivate/SmsActivate.node';
import { SmsActivateTrigger } from '../../nodes/SmsActivate/SmsActivateTrigger.node';
import { SmsActivateWebhookTrigger } from '../../nodes/SmsActivate/SmsActivateWebhookTrigger.node';
import * as smsActivateResources from '../../nodes/SmsActivate/v1/actions/resources';
import { router as smsActivateRouter } from '../../nodes/SmsActivate/v1/actions/router';
import { FAMILY_SERVERS } from '../../nodes/shared/transport/activationServers';
import * as sharedDescriptions from '../../nodes/shared/descriptions';
import { triggerOptions } from '../../nodes/shared/trigger/options';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, shared with `npm run snapshot:descriptions`
const { snapshotOf } = require('../../scripts/snapshot-descriptions') as { snapshotOf: (d: INodeTypeDescription) => string };

const ROOT = path.resolve(__dirname, '..', '..');

interface ActionNode {
	name: string;
	credential: string;
	node: IVersionedNodeType;
	resources: Record<string, unknown> & { description: INodeProperties[] };
	router: (this: IExecuteFunctions) => Promise<unknown>;
	operations: string[];
}

const actionNodes: ActionNode[] = [
	{
		name: 'rentVerify',
		credential: 'rentVerifyApi',
		node: new RentVerify(),
		resources: rentVerifyResources,
		router: rentVerifyRouter,
		operations: [
			'account/getBalance',
			'activation/buyNumber',
			'activation/cancel',
			'activation/getAll',
			'activation/getStatus',
			'activation/waitForCode',
			'catalog/getCountries',
			'catalog/getPrices',
			'catalog/getServices',
		],
	},
	{
		name: 'otpVerified',
		credential: 'otpVerifiedApi',
		node: new OtpVerified(),
		resources: otpVerifiedResources,
		router: otpVerifiedRouter,
		operations: ['catalog/getServices', 'rental/getMessages', 'rental/release', 'rental/rentNumber', 'rental/waitForMessage'],
	},
	{
		name: 'smsActivate',
		credential: 'smsActivateApi',
		node: new SmsActivate(),
		resources: smsActivateResources,
		router: smsActivateRouter,
		operations: [
			'account/getBalance',
			'activation/buyNumber',
			'activation/cancel',
			'activation/finish',
			'activation/getAll',
			'activation/getStatus',
			'activation/markReady',
			'activation/requestAnotherSms',
			'activation/waitForCode',
			'catalog/getAvailableNumbers',
			'catalog/getCountries',
			'catalog/getPrices',
			'catalog/getServices',
		],
	},
];

const triggers = [
	{ name: 'rentVerifyTrigger', credential: 'rentVerifyApi', node: new RentVerifyTrigger(), event: 'newCode' },
	{ name: 'otpVerifiedTrigger', credential: 'otpVerifiedApi', node: new OtpVerifiedTrigger(), event: 'newMessage' },
	{ name: 'smsActivateTrigger', credential: 'smsActivateApi', node: new SmsActivateTrigger(), event: 'newCode' },
];

const allNodes = [...actionNodes, ...triggers];
const latest = (node: IVersionedNodeType): INodeType => node.getNodeType();
const describe1 = (node: IVersionedNodeType): INodeTypeDescription => latest(node).description;

const optionValues = (p: INodeProperties) => ((p.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
const show = (p: INodeProperties) => p.displayOptions?.show ?? {};

interface OperationModule {
	description: INodeProperties[];
	execute?: unknown;
	executeBatch?: unknown;
}

/** resource/operation → module, as the operation files are laid out. */
function operationModules(resources: ActionNode['resources']): Map<string, OperationModule> {
	const found = new Map<string, OperationModule>();
	for (const [resource, resourceModule] of Object.entries(resources)) {
		if (resource === 'description') continue;
		for (const [operation, module] of Object.entries(resourceModule as Record<string, unknown>)) {
			// A resource module also exports its operation options and fields: operations are the modules.
			const isOperation = typeof module === 'object' && module !== null && 'description' in module;
			if (isOperation) found.set(`${resource}/${operation}`, module as OperationModule);
		}
	}
	return found;
}

/** Every resource/operation the description offers, with its option. */
function describedOperations(properties: INodeProperties[]): Map<string, INodePropertyOptions> {
	const described = new Map<string, INodePropertyOptions>();
	const resourceProperty = properties.find((p) => p.name === 'resource') as INodeProperties;
	for (const resource of optionValues(resourceProperty)) {
		const operationProperty = properties.find((p) => p.name === 'operation' && isDeepStrictEqual(show(p).resource, [resource]));
		for (const option of (operationProperty?.options ?? []) as INodePropertyOptions[]) {
			described.set(`${resource}/${String(option.value)}`, option);
		}
	}
	return described;
}

/** Whether the router has an entry (asked with no input items, so nothing is sent). */
async function routes(router: ActionNode['router'], resource: string, operation: string): Promise<boolean> {
	const parameters: Record<string, string> = { resource, operation };
	const context = {
		getNodeParameter: (name: string) => parameters[name],
		getInputData: () => [],
		getNode: () => ({ name: 'n' }) as INode,
		continueOnFail: () => false,
		getExecutionCancelSignal: () => new AbortController().signal,
		helpers: {},
	} as unknown as IExecuteFunctions;
	try {
		expect(await router.call(context)).toEqual([[]]);
		return true;
	} catch (error) {
		if (error instanceof NodeOperationError && /is not supported/.test(error.message)) return false;
		throw error;
	}
}

/** Every property-like block (a parameter, or a fixedCollection group) at any depth, with its path. */
function blocks(list: INodeProperties[], path = ''): Array<{ path: string; block: object }> {
	const out: Array<{ path: string; block: object }> = [];
	for (const p of list) {
		const here = `${path}/${p.name}`;
		out.push({ path: here, block: p });
		for (const option of (p.options ?? []) as Array<INodeProperties | INodePropertyCollection | INodePropertyOptions>) {
			if ('type' in option) out.push(...blocks([option as INodeProperties], here));
			if ('values' in option) {
				out.push({ path: `${here}/${option.name}`, block: option });
				out.push(...blocks((option as INodePropertyCollection).values, `${here}/${option.name}`));
			}
		}
	}
	return out;
}

const withoutDisplayOptions = (block: object) => {
	const { displayOptions: _ignored, ...rest } = block as INodeProperties;
	return rest;
};

/** Blocks of one list deep-equal to a block of the other that are not one of nodes/shared's constants. */
function copiesBetween(a: INodeProperties[], b: INodeProperties[]): string[] {
	const shared = blocks(
		[...Object.values(sharedDescriptions), triggerOptions]
			.filter((value) => typeof value === 'object')
			.flatMap((value) => (Array.isArray(value) ? value : [value])),
	).map(({ block }) => block);
	const isShared = (block: object) => shared.some((s) => isDeepStrictEqual(withoutDisplayOptions(s), withoutDisplayOptions(block)));
	const copies: string[] = [];
	for (const x of blocks(a)) {
		for (const y of blocks(b)) {
			if (isDeepStrictEqual(withoutDisplayOptions(x.block), withoutDisplayOptions(y.block)) && !isShared(x.block)) {
				copies.push(`${x.path} = ${y.path}`);
			}
		}
	}
	return copies;
}

/** The subtitle n8n shows for these parameters (the expression's body, run as the editor would). */
function subtitleFor(description: INodeTypeDescription, parameters: Record<string, string>): string {
	const body = /^=\{\{(.*)\}\}$/s.exec(String(description.subtitle))?.[1];
	if (body === undefined) return String(description.subtitle);
	return String(new Function('$parameter', `return (${body});`)(parameters));
}

describe.each(actionNodes)('action node $name', (spec) => {
	const description = describe1(spec.node);
	const properties = description.properties;
	const modules = operationModules(spec.resources);
	const described = describedOperations(properties);

	test('every resource/operation shown has an operation file and a router entry, and vice versa', async () => {
		expect([...described.keys()].sort()).toEqual(spec.operations);
		expect([...modules.keys()].sort()).toEqual(spec.operations);
		for (const operation of spec.operations) {
			const [resource, name] = operation.split('/');
			expect({ operation, routed: await routes(spec.router, resource, name) }).toEqual({ operation, routed: true });
		}
		// The check can fail: an operation of another resource is not routed.
		expect(await routes(spec.router, 'nothing', 'buyNumber')).toBe(false);
	});

	// The waits wait for all items at once; Buy and Cancel share one read of the price table / active list.
	const BATCH_OPERATIONS = new Set(['waitForCode', 'waitForMessage', 'buyNumber', 'cancel']);

	test('each operation file exports its description and an execute (or executeBatch for the waits, Buy and Cancel)', () => {
		for (const [operation, module] of modules) {
			const kind = typeof module.execute === 'function' ? 'execute' : typeof module.executeBatch === 'function' ? 'executeBatch' : 'none';
			expect({ operation, kind, isArray: Array.isArray(module.description) }).toEqual({
				operation,
				kind: BATCH_OPERATIONS.has(operation.split('/')[1]) ? 'executeBatch' : 'execute',
				isArray: true,
			});
		}
	});

	test('resource and operation take no expressions; every operation has a sentence-case action', () => {
		const selectors = properties.filter((p) => ['resource', 'operation'].includes(p.name));
		for (const p of selectors) expect({ name: p.name, noDataExpression: p.noDataExpression }).toEqual({ name: p.name, noDataExpression: true });
		for (const [operation, option] of described) {
			expect({ operation, action: option.action }).toEqual({ operation, action: expect.stringMatching(/^[A-Z][a-z]+ [a-z]/) });
		}
	});

	test('exactly the provider’s credential, shown always (nothing for the editor to fold into it)', () => {
		expect(description.credentials).toEqual([{ name: spec.credential, required: true }]);
		expect(properties.find((p) => p.name === 'provider')).toBeUndefined();
	});

	test('the subtitle names the operation in words', () => {
		for (const [operation, option] of described) {
			const [resource, name] = operation.split('/');
			expect({ operation, subtitle: subtitleFor(description, { resource, operation: name }) }).toEqual({ operation, subtitle: option.name });
		}
	});

	test('each options default is one of its options, at every depth', () => {
		const checked: string[] = [];
		for (const { path: at, block } of blocks(properties)) {
			const p = block as INodeProperties;
			if (p.type !== 'options' || p.typeOptions?.loadOptionsMethod) continue;
			checked.push(at);
			expect({ at, default: p.default, among: optionValues(p).includes(String(p.default)) }).toEqual({ at, default: p.default, among: true });
		}
		expect(checked).toEqual(expect.arrayContaining(['/resource', '/operation']));
	});

	test('each operation shows exactly its own fields, and only for its resource/operation', () => {
		const node: INode = { id: 'n', name: 'n', type: `n8n-nodes-sms-verification.${spec.name}`, typeVersion: 1, position: [0, 0], parameters: {} };
		for (const [operation, module] of modules) {
			const [resource, name] = operation.split('/');
			for (const field of module.description) {
				expect({ field: `${operation}/${field.name}`, show: show(field) }).toEqual({
					field: `${operation}/${field.name}`,
					show: expect.objectContaining({ resource: [resource], operation: [name] }),
				});
			}
			const values = NodeHelpers.getNodeParameters(properties, { resource, operation: name }, true, false, node, description) ?? {};
			const visible = properties.filter((p) => NodeHelpers.displayParameter(values, p, node, description));
			const resourceProperty = properties.find((p) => p.name === 'resource');
			const operationProperty = properties.find((p) => p.name === 'operation' && isDeepStrictEqual(show(p).resource, [resource]));
			const expected = [resourceProperty, operationProperty, ...module.description.filter((p) => NodeHelpers.displayParameter(values, p, node, description))];
			expect({ operation, visible: visible.map((p) => p.name) }).toEqual({ operation, visible: expected.map((p) => p?.name) });
			expect(visible.every((p, i) => p === expected[i])).toBe(true);
		}
	});
});

describe('all nodes', () => {
	test('action texts are unique in each node, so the node names n8n gives from them are too', () => {
		for (const spec of actionNodes) {
			const actions = [...describedOperations(describe1(spec.node).properties).values()].map((option) => option.action);
			expect(actions.length).toBe(spec.operations.length);
			expect(new Set(actions).size).toBe(actions.length);
		}
	});

	test('what loads from the provider loads when the user opens it: a list mode with its listSearch method, no `options` loader', () => {
		// n8n's editor loads an `options` dropdown as soon as the node's panel opens, which for a node just
		// added from the panel is before it has its credential; the dropdown then stays on an error
		// (nodes/shared/descriptions.ts, catalogPick). A resource locator's list loads when opened.
		const found: string[] = [];
		for (const spec of allNodes) {
			const nodeType = latest(spec.node);
			for (const { path: at, block } of blocks(nodeType.description.properties)) {
				const p = block as INodeProperties;
				expect({ at, loadOptionsMethod: p.typeOptions?.loadOptionsMethod }).toEqual({ at, loadOptionsMethod: undefined });
				for (const mode of p.type === 'resourceLocator' ? (p.modes ?? []) : []) {
					const method = mode.typeOptions?.searchListMethod;
					if (mode.type !== 'list') continue;
					found.push(`${spec.name}${at}`);
					expect({ at, method, defined: typeof nodeType.methods?.listSearch?.[method ?? ''] }).toEqual({ at, method, defined: 'function' });
				}
			}
		}
		expect(found).toEqual(expect.arrayContaining(['rentVerify/country', 'rentVerify/service', 'otpVerified/serviceId', 'smsActivate/country']));
	});

	test('the user-facing action names say buy, status, cancel, rent, release, balance and prices', () => {
		const words = actionNodes
			.flatMap((spec) => [...describedOperations(describe1(spec.node).properties).values()])
			.map((o) => `${o.name} ${o.action ?? ''}`.toLowerCase())
			.join(' | ');
		for (const word of ['buy', 'status', 'cancel', 'rent', 'release', 'balance', 'prices']) {
			expect({ word, found: new RegExp(`\\b${word}\\b`).test(words) }).toEqual({ word, found: true });
		}
	});

	test('no description block is copied between the nodes (shared ones come from nodes/shared)', () => {
		const [rentVerify, otpVerified, smsActivate] = actionNodes.map((spec) => describe1(spec.node).properties);
		const [rentVerifyTrigger, otpVerifiedTrigger, smsActivateTrigger] = triggers.map((spec) => describe1(spec.node).properties);
		expect(copiesBetween(rentVerify, otpVerified)).toEqual([]);
		expect(copiesBetween(smsActivate, otpVerified)).toEqual([]);
		expect(copiesBetween(rentVerifyTrigger, otpVerifiedTrigger)).toEqual([]);
		// RentVerify and the protocol family share their operations: the same objects, from nodes/shared/activation.
		const shared = (list: INodeProperties[]) => list.filter((p) => p.name !== 'operation' && p.name !== 'resource');
		for (const field of shared(rentVerify)) expect(smsActivate).toContain(field);
		expect(rentVerifyTrigger).toBe(smsActivateTrigger);
		// The check can fail: a deep copy of a block is found.
		const copied = deepCopy(rentVerify.find((p) => p.name === 'options') as INodeProperties);
		expect(copiesBetween(rentVerify, [...otpVerified, copied])).toEqual(expect.arrayContaining(['/options = /options']));
		// Shared blocks really are shared: both waits use the same poll interval and timeout fields.
		const names = (list: INodeProperties[]) => list.map((p) => p.name);
		expect(names(rentVerify)).toEqual(expect.arrayContaining(names(sharedDescriptions.waitFields)));
		expect(names(otpVerified)).toEqual(expect.arrayContaining(names(sharedDescriptions.waitFields)));
	});

	test.each(triggers)('$name: a polling trigger with exactly its provider’s credential and one event', (spec) => {
		const description = describe1(spec.node);
		expect(description.polling).toBe(true);
		expect(description.credentials).toEqual([{ name: spec.credential, required: true }]);
		const event = description.properties.find((p) => p.name === 'event') as INodeProperties;
		expect(optionValues(event)).toEqual([spec.event]);
		expect(event.default).toBe(spec.event);
	});

	const SEARCH_WORDS: Record<string, string[]> = {
		RentVerify: ['RentVerify', 'Buy Number'],
		OtpVerified: ['OTPVerified', 'Rent Number'],
		SmsActivate: ['Buy Number', ...FAMILY_SERVERS.map((server) => server.name.replace(/ \(.*\)$/, ''))],
	};

	test.each(allNodes)('$name: the codex names the node, and its aliases are the words users search for', ({ name, node }) => {
		const folder = Object.keys(SEARCH_WORDS).find((f) => name.toLowerCase().startsWith(f.toLowerCase())) as string;
		const file = `${folder}${name.endsWith('Trigger') ? 'Trigger' : ''}`;
		const codex = JSON.parse(readFileSync(path.join(ROOT, 'nodes', folder, `${file}.node.json`), 'utf8')) as { node: string; alias: string[] };
		expect(codex.node).toBe(`n8n-nodes-sms-verification.${name}`);
		expect(node.description.name).toBe(name);
		expect(codex.alias).toEqual(expect.arrayContaining(['SMS', 'OTP', '2FA', 'Verification', 'Virtual Number', 'Phone Number', ...SEARCH_WORDS[folder]]));
	});

	test('smsActivateWebhookTrigger: a webhook trigger with the family credential, its own codex and snapshot', () => {
		const node = new SmsActivateWebhookTrigger();
		const description = describe1(node);
		expect(description.credentials).toEqual([{ name: 'smsActivateApi', required: true }]);
		expect(description.polling).toBeUndefined();
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'sms-code' })]);
		const codex = JSON.parse(readFileSync(path.join(ROOT, 'nodes', 'SmsActivate', 'SmsActivateWebhookTrigger.node.json'), 'utf8')) as { node: string; alias: string[] };
		expect(codex.node).toBe('n8n-nodes-sms-verification.smsActivateWebhookTrigger');
		const pushing = FAMILY_SERVERS.filter((server) => server.webhook).map((server) => server.name);
		expect(codex.alias).toEqual(expect.arrayContaining(['SMS', 'OTP', '2FA', 'Verification', 'Virtual Number', 'Phone Number', 'Webhook', 'Push', ...pushing]));
		for (const [version, versionNode] of Object.entries(node.nodeVersions)) {
			const file = path.join(ROOT, 'test', 'descriptions', `${versionNode.description.name}.v${version}.json`);
			expect(snapshotOf(versionNode.description)).toBe(readFileSync(file, 'utf8'));
		}
	});

	test.each(allNodes)('$name: every version matches its checked-in snapshot (test/descriptions/)', ({ node }) => {
		for (const [version, versionNode] of Object.entries(node.nodeVersions)) {
			const file = path.join(ROOT, 'test', 'descriptions', `${versionNode.description.name}.v${version}.json`);
			expect({ file: path.basename(file), exists: existsSync(file) }).toEqual({ file: path.basename(file), exists: true });
			// A difference means a shipped shape changed: add a new node version instead (see RentVerify.node.ts),
			// or, for a version not published yet, run `npm run snapshot:descriptions` and review the diff.
			expect(snapshotOf(versionNode.description)).toBe(readFileSync(file, 'utf8'));
		}
	});
});

describe('the built package', () => {
	beforeAll(() => {
		// Build first when a file the package lists is missing (a fresh checkout, or a node added since the last build).
		const { n8n } = JSON.parse(readFileSync('package.json', 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		if (![...n8n.nodes, ...n8n.credentials].every((file) => existsSync(file))) execSync('npm run build', { stdio: 'ignore' });
	}, 120_000);

	test('loads with n8n-core’s PackageDirectoryLoader: four nodes, two credentials, each credential for its nodes', async () => {
		const loader = new PackageDirectoryLoader(process.cwd());
		await loader.loadAll();

		expect(loader.packageName).toBe('n8n-nodes-sms-verification');
		expect(Object.keys(loader.nodeTypes).sort()).toEqual([
			'otpVerified',
			'otpVerifiedTrigger',
			'rentVerify',
			'rentVerifyTrigger',
			'smsActivate',
			'smsActivateTrigger',
			'smsActivateWebhookTrigger',
		]);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['otpVerifiedApi', 'rentVerifyApi', 'smsActivateApi']);
		expect(loader.known.credentials.smsActivateApi.supportedNodes?.sort()).toEqual(['smsActivate', 'smsActivateTrigger', 'smsActivateWebhookTrigger']);
		expect(loader.known.credentials.rentVerifyApi.supportedNodes?.sort()).toEqual(['rentVerify', 'rentVerifyTrigger']);
		expect(loader.known.credentials.otpVerifiedApi.supportedNodes?.sort()).toEqual(['otpVerified', 'otpVerifiedTrigger']);
		for (const spec of actionNodes) {
			const loaded = (loader.nodeTypes[spec.name].type as IVersionedNodeType).getNodeType(1);
			expect(typeof loaded.execute).toBe('function');
			const builtOperations = [...describedOperations(loaded.description.properties).keys()].sort();
			expect(builtOperations).toEqual(spec.operations);
		}
		const rentVerify = (loader.nodeTypes.rentVerify.type as IVersionedNodeType).getNodeType(1);
		expect(rentVerify.methods?.loadOptions).toBeUndefined();
		expect(Object.keys(rentVerify.methods?.listSearch ?? {}).sort()).toEqual(['searchActivations', 'searchCountries', 'searchServices']);
		const otpVerified = (loader.nodeTypes.otpVerified.type as IVersionedNodeType).getNodeType(1);
		expect(otpVerified.methods?.loadOptions).toBeUndefined();
		expect(Object.keys(otpVerified.methods?.listSearch ?? {})).toEqual(['searchServices']);
		for (const name of ['rentVerifyTrigger', 'otpVerifiedTrigger', 'smsActivateTrigger']) {
			expect(typeof (loader.nodeTypes[name].type as IVersionedNodeType).getNodeType(1).poll).toBe('function');
		}
		const webhookTrigger = (loader.nodeTypes.smsActivateWebhookTrigger.type as IVersionedNodeType).getNodeType(1);
		expect(typeof webhookTrigger.webhook).toBe('function');
		expect(Object.keys(webhookTrigger.webhookMethods?.default ?? {}).sort()).toEqual(['checkExists', 'create', 'delete']);
		// n8n resolves every version's icon relative to the versioned node file: both themes, inside the package.
		for (const type of loader.types.nodes) expect(type.iconUrl).toEqual({ light: expect.stringMatching(/\.svg$/), dark: expect.stringMatching(/\.dark\.svg$/) });
	});
});
