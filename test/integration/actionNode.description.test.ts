// The node's description, checked against the code: every provider/resource/operation shown has a router
// entry and vice versa, defaults are real options, operations have actions, fields show only for their
// operation, no block is copied between providers; and the BUILT package loads through n8n-core's loader.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

import type { IExecuteFunctions, INode, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, NodeOperationError, deepCopy } from 'n8n-workflow';
import { PackageDirectoryLoader } from 'n8n-core';

import * as common from '../../nodes/SmsVerification/actions/common.descriptions';
import * as otpVerified from '../../nodes/SmsVerification/actions/otpVerified';
import * as rentVerify from '../../nodes/SmsVerification/actions/rentVerify';
import { router } from '../../nodes/SmsVerification/actions/router';
import { SmsVerification } from '../../nodes/SmsVerification/SmsVerification.node';

const description: INodeTypeDescription = new SmsVerification().description;
const properties = description.properties;
const NODE: INode = { id: 'n', name: 'SMS Verification', type: 'n8n-nodes-sms-verification.smsVerification', typeVersion: 1, position: [0, 0], parameters: {} };

interface Triple {
	provider: string;
	resource: string;
	operation: string;
}
const key = (t: Triple) => `${t.provider}/${t.resource}/${t.operation}`;

interface OperationModule {
	description: INodeProperties[];
	execute?: unknown;
	executeBatch?: unknown;
}

/** provider → resource → operation, as the operation files are laid out. */
function operationModules(): Array<Triple & { module: OperationModule }> {
	const found: Array<Triple & { module: OperationModule }> = [];
	for (const [provider, providerModule] of Object.entries({ rentVerify, otpVerified })) {
		for (const [resource, resourceModule] of Object.entries(providerModule)) {
			if (resource === 'description') continue;
			for (const [operation, module] of Object.entries(resourceModule as Record<string, unknown>)) {
				if (operation === 'description') continue;
				found.push({ provider, resource, operation, module: module as OperationModule });
			}
		}
	}
	return found;
}

const optionValues = (p: INodeProperties) => ((p.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
const show = (p: INodeProperties) => p.displayOptions?.show ?? {};

/** Every provider/resource/operation the description offers. */
function describedTriples(): Triple[] {
	const providerProperty = properties.find((p) => p.name === 'provider') as INodeProperties;
	const triples: Triple[] = [];
	for (const provider of optionValues(providerProperty)) {
		const resourceProperty = properties.find((p) => p.name === 'resource' && isDeepStrictEqual(show(p).provider, [provider]));
		for (const resource of resourceProperty ? optionValues(resourceProperty) : []) {
			const operationProperty = properties.find(
				(p) => p.name === 'operation' && isDeepStrictEqual(show(p).provider, [provider]) && isDeepStrictEqual(show(p).resource, [resource]),
			);
			for (const operation of operationProperty ? optionValues(operationProperty) : []) triples.push({ provider, resource, operation });
		}
	}
	return triples;
}

/** Whether the router has an entry for the triple (asked with no input items, so nothing is sent). */
async function routes(triple: Triple): Promise<boolean> {
	const context = {
		getNodeParameter: (name: string) => triple[name as keyof Triple],
		getInputData: () => [],
		getNode: () => NODE,
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

/** Blocks of one provider deep-equal to a block of the other that are not the shared constant of common.descriptions. */
function copiesBetween(a: INodeProperties[], b: INodeProperties[]): string[] {
	const shared = Object.values(common).flatMap((value): object[] => (Array.isArray(value) ? value : [value]));
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

describe('operations', () => {
	test('every provider/resource/operation of the description has a router entry and an operation file, and vice versa', async () => {
		const described = describedTriples().map(key).sort();
		const files = operationModules().map(key).sort();

		expect(described).toEqual(
			[
				'rentVerify/account/getBalance',
				'rentVerify/catalog/getCountries',
				'rentVerify/catalog/getServices',
				'rentVerify/catalog/getPrices',
				'rentVerify/activation/buyNumber',
				'rentVerify/activation/getStatus',
				'rentVerify/activation/waitForCode',
				'rentVerify/activation/cancel',
				'rentVerify/activation/getAll',
				'otpVerified/catalog/getServices',
				'otpVerified/rental/rentNumber',
				'otpVerified/rental/getMessages',
				'otpVerified/rental/waitForMessage',
				'otpVerified/rental/release',
			].sort(),
		);
		expect(described).toEqual(files);
		for (const triple of describedTriples()) expect({ triple: key(triple), routed: await routes(triple) }).toEqual({ triple: key(triple), routed: true });
		// The check can fail: a triple that is not offered is not routed.
		expect(await routes({ provider: 'rentVerify', resource: 'account', operation: 'getPrices' })).toBe(false);
		expect(await routes({ provider: 'otpVerified', resource: 'activation', operation: 'buyNumber' })).toBe(false);
	});

	test('each operation file exports its description and an execute (or executeBatch for the waits)', () => {
		for (const { provider, resource, operation, module } of operationModules()) {
			const kind = typeof module.execute === 'function' ? 'execute' : typeof module.executeBatch === 'function' ? 'executeBatch' : 'none';
			expect({ op: `${provider}/${resource}/${operation}`, kind, isArray: Array.isArray(module.description) }).toEqual({
				op: `${provider}/${resource}/${operation}`,
				kind: operation.startsWith('waitFor') ? 'executeBatch' : 'execute',
				isArray: true,
			});
		}
	});

	test('every operation option has an action; provider, resource and operation take no expressions', () => {
		const selectors = properties.filter((p) => ['provider', 'resource', 'operation'].includes(p.name));
		expect(selectors.length).toBe(1 + 2 + 5);
		for (const p of selectors) expect({ name: p.name, noDataExpression: p.noDataExpression }).toEqual({ name: p.name, noDataExpression: true });
		for (const p of selectors.filter((s) => s.name === 'operation')) {
			for (const option of p.options as INodePropertyOptions[]) {
				expect({ operation: option.value, action: option.action }).toEqual({ operation: option.value, action: expect.stringMatching(/^[A-Z][a-z]+ \S/) });
			}
		}
	});

	test('the user-facing operation names say buy, status, cancel, rent, release, balance and prices', () => {
		const words = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => `${o.name} ${o.action ?? ''}`.toLowerCase()))
			.join(' | ');
		for (const word of ['buy', 'status', 'cancel', 'rent', 'release', 'balance', 'prices']) {
			expect({ word, found: new RegExp(`\\b${word}\\b`).test(words) }).toEqual({ word, found: true });
		}
	});
});

describe('properties', () => {
	test('each options default is one of its options, at every depth', () => {
		const checked: string[] = [];
		for (const { path, block } of blocks(properties)) {
			const p = block as INodeProperties;
			if (p.type !== 'options' || p.typeOptions?.loadOptionsMethod) continue;
			checked.push(path);
			expect({ path, default: p.default, among: optionValues(p).includes(String(p.default)) }).toEqual({ path, default: p.default, among: true });
		}
		expect(checked).toEqual(expect.arrayContaining(['/provider', '/resource', '/operation', '/duration', '/options/onTimeout']));
	});

	test('each operation shows exactly its own fields, and only for its provider/resource/operation', () => {
		const provider = properties.find((p) => p.name === 'provider') as INodeProperties;
		for (const { provider: pv, resource, operation, module } of operationModules()) {
			for (const field of module.description) {
				expect({ field: `${pv}/${resource}/${operation}/${field.name}`, show: show(field) }).toEqual({
					field: `${pv}/${resource}/${operation}/${field.name}`,
					show: expect.objectContaining({ provider: [pv], resource: [resource], operation: [operation] }),
				});
			}
			const values = NodeHelpers.getNodeParameters(properties, { provider: pv, resource, operation }, true, false, NODE, description) ?? {};
			const visible = properties.filter((p) => NodeHelpers.displayParameter(values, p, NODE, description));
			const resourceProperty = properties.find((p) => p.name === 'resource' && isDeepStrictEqual(show(p).provider, [pv]));
			const operationProperty = properties.find(
				(p) => p.name === 'operation' && isDeepStrictEqual(show(p).provider, [pv]) && isDeepStrictEqual(show(p).resource, [resource]),
			);
			const expected = [provider, resourceProperty, operationProperty, ...module.description.filter((p) => NodeHelpers.displayParameter(values, p, NODE, description))];
			expect({ op: `${pv}/${resource}/${operation}`, visible: visible.map((p) => p.name) }).toEqual({
				op: `${pv}/${resource}/${operation}`,
				visible: expected.map((p) => p?.name),
			});
			expect(visible.every((p, i) => p === expected[i])).toBe(true);
		}
	});

	test('no description block is copied between the two providers (shared ones come from common.descriptions)', () => {
		expect(copiesBetween(rentVerify.description, otpVerified.description)).toEqual([]);
		// The check can fail: a deep copy of a provider block is found.
		const copied = deepCopy(rentVerify.activation.buyNumber.description.find((p) => p.name === 'options') as INodeProperties);
		expect(copiesBetween(rentVerify.description, [...otpVerified.description, copied])).toEqual(
			expect.arrayContaining(['/options = /options', '/options/maxPrice = /options/maxPrice']),
		);
		// Shared blocks really are shared: both waits use the same poll interval and timeout fields.
		const names = (list: INodeProperties[]) => list.map((p) => p.name);
		expect(names(rentVerify.activation.waitForCode.description)).toEqual(expect.arrayContaining(names(common.waitFields)));
		expect(names(otpVerified.rental.waitForMessage.description)).toEqual(expect.arrayContaining(names(common.waitFields)));
	});

	test('both credentials are declared, each shown for its provider', () => {
		expect(description.credentials).toEqual([
			{ name: 'rentVerifyApi', required: true, displayOptions: { show: { provider: ['rentVerify'] } } },
			{ name: 'otpVerifiedApi', required: true, displayOptions: { show: { provider: ['otpVerified'] } } },
		]);
	});
});

describe('the built package', () => {
	beforeAll(() => {
		// Build first when a file the package lists is missing (a fresh checkout, or a node added since the last build).
		const { n8n } = JSON.parse(readFileSync('package.json', 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		if (![...n8n.nodes, ...n8n.credentials].every((file) => existsSync(file))) execSync('npm run build', { stdio: 'ignore' });
	}, 120_000);

	test('loads with n8n-core’s PackageDirectoryLoader: the node and both credentials, without errors', async () => {
		const loader = new PackageDirectoryLoader(process.cwd());
		await loader.loadAll();

		expect(loader.packageName).toBe('n8n-nodes-sms-verification');
		expect(Object.keys(loader.nodeTypes)).toContain('smsVerification');
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['otpVerifiedApi', 'rentVerifyApi']);
		const loaded = loader.nodeTypes.smsVerification.type as SmsVerification;
		expect(loaded.description.displayName).toBe('SMS Verification');
		expect(typeof loaded.execute).toBe('function');
		expect(Object.keys(loaded.methods?.loadOptions ?? {}).sort()).toEqual(['getOtpVerifiedServices', 'getRentVerifyCountries', 'getRentVerifyServices']);
		expect(Object.keys(loaded.methods?.listSearch ?? {})).toEqual(['searchActivations']);
		expect(loader.types.nodes.map((n) => n.name)).toContain('smsVerification');
		expect(loader.types.credentials.map((c) => c.name).sort()).toEqual(['otpVerifiedApi', 'rentVerifyApi']);
		expect(loader.known.credentials.rentVerifyApi.supportedNodes).toContain('smsVerification');
		expect(loader.known.credentials.otpVerifiedApi.supportedNodes).toContain('smsVerification');
		// The built node offers the same operations as the source.
		const builtProperties = loaded.description.properties;
		const builtOperations = builtProperties.filter((p) => p.name === 'operation').flatMap(optionValues).sort();
		expect(builtOperations).toEqual(describedTriples().map((t) => t.operation).sort());
	});
});
