// Tests of the n8n-core harness itself (test/helpers/n8nCore.ts), with a fixture node, trigger and credential
// against a local HTTP server. No HTTP helper is mocked: requests go out through n8n-core.
import type { ICredentialType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	clearObservedErrors,
	observedErrors,
	runListSearch,
	runLoadOptions,
	runNode,
	runPoll,
	startNode,
	testCredential,
	ITEMS_NODE_NAME,
} from '../helpers/n8nCore';
import { HarnessFixture } from '../helpers/fixtures/HarnessFixture.node';
import { HarnessFixtureApi } from '../helpers/fixtures/HarnessFixtureApi.credentials';
import { HarnessFixtureTrigger } from '../helpers/fixtures/HarnessFixtureTrigger.node';
import { GOOD_KEY, startFixtureServer, type FixtureServer } from '../helpers/fixtures/server';

let server: FixtureServer;

beforeAll(async () => {
	server = await startFixtureServer();
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.requests.length = 0;
	clearObservedErrors();
});

function fixture(apiKey = GOOD_KEY) {
	return {
		nodeType: new HarnessFixture(),
		credentialTypes: [new HarnessFixtureApi()],
		// `scheme` is omitted on purpose: its default ('Key') must be applied as n8n does.
		credentials: { harnessFixtureApi: { baseUrl: server.baseUrl, apiKey } },
	};
}

describe('runNode', () => {
	it('sends the generic authenticate header and query, with the credential default applied', async () => {
		const result = await runNode({ ...fixture(), parameters: { path: '/echo' } });

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{ path: '/echo', query: { client: 'harness' }, authorization: `Key ${GOOD_KEY}` },
		]);
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].headers.authorization).toBe(`Key ${GOOD_KEY}`);
	});

	it('resolves expressions per item and keeps pairedItem indexes of several input items', async () => {
		const result = await runNode({
			...fixture(),
			parameters: { path: '=/items/{{ $json.id }}' },
			input: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
		});

		expect(result.status).toBe('success');
		expect(result.json.map((j) => j.path)).toEqual(['/items/a', '/items/b', '/items/c']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// The input items really came from the harness's items node, paired to the manual trigger's item.
		const fed = result.run.data.resultData.runData[ITEMS_NODE_NAME][0].data?.main[0] ?? [];
		expect(fed.map((i) => i.json)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
	});

	it('returns status error with the NodeApiError as n8n saw it, and records it', async () => {
		const result = await runNode({ ...fixture(), parameters: { path: '/fail/404' } });

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('404');
		expect(result.items).toEqual([]);
		expect(observedErrors.length).toBeGreaterThan(0);
		expect(observedErrors[0].message).toBe((result.error as NodeApiError).message);
		expect(observedErrors[0].json).toContain('404');
	});

	it('a wrong key gives a 401 NodeApiError whose persisted form does not contain the header', async () => {
		const result = await runNode({ ...fixture('wrong-secret-key'), parameters: { path: '/echo' } });

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('401');
		expect(server.requests[0].headers.authorization).toBe('Key wrong-secret-key');
		for (const seen of observedErrors) {
			expect(`${seen.message} ${seen.description ?? ''} ${seen.json ?? ''}`).not.toContain('wrong-secret-key');
		}
	});

	it('continueOnFail gives error items paired with their input items, and records them', async () => {
		const result = await runNode({
			...fixture(),
			parameters: { path: '={{ $json.path }}' },
			input: [{ path: '/ok' }, { path: '/fail/500' }, { path: '/throw' }],
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.json[0].path).toBe('/ok');
		expect(result.json[1].error).toEqual(expect.any(String));
		expect(result.json[2]).toEqual({ error: 'Fixture refused the item', description: 'Thrown by the fixture node' });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(observedErrors.map((e) => e.message)).toEqual([result.json[1].error, 'Fixture refused the item']);
		expect(observedErrors[1].description).toBe('Thrown by the fixture node');
	});

	it('a thrown NodeOperationError without continueOnFail ends the run with status error', async () => {
		const result = await runNode({ ...fixture(), parameters: { path: '/throw' } });

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error.description).toBe('Thrown by the fixture node');
		expect(observedErrors[0]).toMatchObject({ message: 'Fixture refused the item', description: 'Thrown by the fixture node' });
	});

	it('missing credentials surface as n8n’s own error, not a hang', async () => {
		const result = await runNode({ ...fixture(), credentials: {}, parameters: {} });

		expect(result.status).toBe('error');
		expect(String(result.error?.message)).toMatch(/credentials/i);
	});
});

describe('startNode', () => {
	it('cancels a running execution through WorkflowExecute and the node’s cancel signal', async () => {
		// The node sleeps an hour before its request: the run can only end within the test's time limit if the
		// cancel reaches the node's sleep through its cancel signal (n8n waits for the node to return).
		const { result, cancel } = startNode({ ...fixture(), parameters: { sleepMs: 3_600_000, path: '/ok' } });
		setTimeout(cancel, 100);
		const outcome = await result;

		expect(outcome.status).toBe('canceled');
		// Stopped inside the sleep: the request after it was never sent.
		expect(server.requests).toHaveLength(0);
	});

	it('runs to the end when not cancelled', async () => {
		const { result } = startNode({ ...fixture(), parameters: { sleepMs: 20 } });
		expect((await result).status).toBe('success');
	});
});

describe('runPoll', () => {
	const trigger = () => ({
		nodeType: new HarnessFixtureTrigger(),
		credentialTypes: [new HarnessFixtureApi()],
		credentials: { harnessFixtureApi: { baseUrl: server.baseUrl, apiKey: GOOD_KEY } },
		parameters: { topic: 'otp' },
		nodeName: 'Fixture Trigger',
	});

	it('carries static data between polls through JSON', async () => {
		const first = await runPoll(trigger());
		expect(first.json.map((e) => e.id)).toEqual([1, 2]);
		expect(first.nodeStaticData).toEqual({ lastId: 2, polls: 1, lastActivation: 'activate' });
		expect(JSON.parse(first.staticData)).toEqual({ 'node:Fixture Trigger': first.nodeStaticData });
		expect(server.requests[0].query).toEqual({ after: '0', topic: 'otp', client: 'harness' });
		expect(server.requests[0].headers.authorization).toBe(`Key ${GOOD_KEY}`);

		const second = await runPoll({ ...trigger(), staticData: first.staticData });
		expect(second.items).toBeNull();
		expect(second.json).toEqual([]);
		expect(second.nodeStaticData).toEqual({ lastId: 2, polls: 2, lastActivation: 'init' });

		server.events.push({ id: 3, text: 'third' });
		const third = await runPoll({ ...trigger(), staticData: second.staticData, activation: 'update' });
		expect(third.json).toEqual([{ id: 3, text: 'third' }]);
		expect(third.nodeStaticData).toEqual({ lastId: 3, polls: 3, lastActivation: 'update' });
		server.events.pop();
	});

	it('manual mode uses the manual activation', async () => {
		const result = await runPoll({ ...trigger(), mode: 'manual' });
		expect(result.nodeStaticData.lastActivation).toBe('manual');
	});

	it('a thrown error propagates and is recorded', async () => {
		await expect(
			runPoll({ ...trigger(), credentials: { harnessFixtureApi: { baseUrl: server.baseUrl, apiKey: 'nope' } } }),
		).rejects.toBeInstanceOf(NodeApiError);
		expect(observedErrors).toHaveLength(1);
	});
});

describe('loaders', () => {
	it('runLoadOptions calls the method through LoadOptionsContext with credentials and current parameters', async () => {
		const options = await runLoadOptions({ ...fixture(), method: 'getLists', parameters: { path: '/x' } });
		expect(options).toEqual([
			{ name: 'Alpha (/x)', value: 'l1' },
			{ name: 'Beta (/x)', value: 'l2' },
			{ name: 'Alphabet (/x)', value: 'l3' },
		]);
		expect(server.requests[0].headers.authorization).toBe(`Key ${GOOD_KEY}`);
	});

	it('runListSearch passes filter and pagination token', async () => {
		const page1 = await runListSearch({ ...fixture(), method: 'searchLists', parameters: {}, filter: 'alp' });
		expect(page1).toEqual({
			results: [
				{ name: 'Alpha', value: 'l1' },
				{ name: 'Alphabet', value: 'l3' },
			],
		});
		const all = await runListSearch({ ...fixture(), method: 'searchLists', parameters: {} });
		expect(all.paginationToken).toBe('2');
		const page2 = await runListSearch({
			...fixture(),
			method: 'searchLists',
			parameters: {},
			paginationToken: all.paginationToken,
		});
		expect(page2.results).toEqual([{ name: 'Alphabet', value: 'l3' }]);
	});

	it('a loader error propagates and is recorded', async () => {
		await expect(runLoadOptions({ ...fixture('bad'), method: 'getLists', parameters: {} })).rejects.toBeInstanceOf(
			NodeApiError,
		);
		expect(observedErrors).toHaveLength(1);
	});
});

describe('testCredential', () => {
	it('OK when the test request succeeds with the authenticate header (default scheme applied)', async () => {
		const result = await testCredential(new HarnessFixtureApi(), { baseUrl: server.baseUrl, apiKey: GOOD_KEY });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests[0]).toMatchObject({ path: '/me', query: { client: 'harness' } });
		expect(server.requests[0].headers.authorization).toBe(`Key ${GOOD_KEY}`);
	});

	it('Error with the HTTP status text on a non-2xx answer', async () => {
		const result = await testCredential(new HarnessFixtureApi(), { baseUrl: server.baseUrl, apiKey: 'bad' });
		expect(result).toEqual({ status: 'Error', message: 'Unauthorized', httpCode: 401 });
		expect(observedErrors.map((e) => e.message)).toContain('Unauthorized');
	});

	it('applies responseCode rules', async () => {
		const base = new HarnessFixtureApi();
		const withCodeRule: ICredentialType = {
			...base,
			name: base.name,
			displayName: base.displayName,
			properties: base.properties,
			authenticate: base.authenticate,
			test: {
				request: base.test.request,
				rules: [{ type: 'responseCode', properties: { value: 403, message: 'Key lacks permission' } }],
			},
		};
		const result = await testCredential(withCodeRule, { baseUrl: server.baseUrl, apiKey: 'forbidden-key' });
		expect(result).toEqual({ status: 'Error', message: 'Key lacks permission', httpCode: 403 });
	});

	it('applies responseSuccessBody rules', async () => {
		server.meBody = { status: 'suspended' };
		try {
			const result = await testCredential(new HarnessFixtureApi(), { baseUrl: server.baseUrl, apiKey: GOOD_KEY });
			expect(result).toEqual({ status: 'Error', message: 'Account suspended' });
		} finally {
			server.meBody = { status: 'active' };
		}
	});

	it('Error with the network error code when nothing listens', async () => {
		const result = await testCredential(new HarnessFixtureApi(), { baseUrl: 'http://127.0.0.1:9', apiKey: GOOD_KEY });
		expect(result.status).toBe('Error');
		expect(result.message).toBe('ECONNREFUSED');
	});
});
