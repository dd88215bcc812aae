// Runs n8n nodes through n8n-core's real execution contexts (WorkflowExecute, PollContext, LoadOptionsContext,
// ExecuteContext + RoutingNode for credential tests). Nothing of n8n-core is mocked: HTTP goes out through
// n8n's own helpers, with credentials applied by TestCredentialsHelper the way n8n's server applies them.
// See docs/N8N.md ("Running our nodes through n8n-core in tests").
import type {
	ExecutionStatus,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IPollFunctions,
	IRun,
	ITaskDataConnections,
	IVersionedNodeType,
	IExecuteFunctions,
	IWorkflowBase,
	JsonObject,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	NodeApiError,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	createRunExecutionData,
	deepCopy,
	jsonParse,
} from 'n8n-workflow';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';

import { TestCredentialsHelper } from './credentialsHelper';
import {
	HarnessItems,
	HarnessManualTrigger,
	ITEMS_NODE_TYPE,
	MANUAL_TRIGGER_TYPE,
	NO_OP_NODE_TYPE,
	noOpNodeType,
} from './fixtures/baseNodes';

// n8n-workflow's own dependency: the very `get` n8n's CredentialsTester reads rules with.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- lodash ships no types here, and adding @types/lodash for one call is not worth it
const lodashGet = require('lodash/get') as (value: unknown, path: string) => unknown;

export { TestCredentialsHelper } from './credentialsHelper';

export const PACKAGE_NAME = 'n8n-nodes-sms-verification';
export const TRIGGER_NODE_NAME = 'When clicking ‘Execute workflow’';
export const ITEMS_NODE_NAME = 'Input Items';
export const DEFAULT_NODE_NAME = 'Node Under Test';
/** Fake instance URLs: only used to build resume/form URLs, never contacted. */
export const INSTANCE_BASE_URL = 'http://localhost:5678/';

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

export interface NodeUnderTest {
	/** An instance, e.g. new SmsVerification() (a VersionedNodeType works too). */
	nodeType: INodeType | IVersionedNodeType;
	/** Default `n8n-nodes-sms-verification.<description.name>`. */
	typeName?: string;
	/** Default: the node's latest version (defaultVersion of a VersionedNodeType). */
	typeVersion?: number;
	/** Instances, e.g. [new RentVerifyApi(), new OtpVerifiedApi()]. */
	credentialTypes: ICredentialType[];
	/** By credential type name → decrypted data (defaults of the type's properties are applied as n8n does). */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

export interface RunNodeOptions extends NodeUnderTest {
	/** May contain expressions like '={{ $json.id }}'. Defaults of the node's properties are applied by n8n's Workflow. */
	parameters: INodeParameters;
	/** Items fed into the node (default one empty item), emitted by an "items" node after a Manual Trigger. */
	input?: IDataObject[];
	/** Sets onError: 'continueRegularOutput' on the node (this.continueOnFail() is then true). */
	continueOnFail?: boolean;
	/** Default 'Node Under Test'. */
	nodeName?: string;
}

export interface NodeRunResult {
	status: ExecutionStatus;
	/** Output main[0] of the node ([] if none). */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** data.resultData.error: the NodeApiError / NodeOperationError as n8n saw it (or a harness/engine error). */
	error?: any;
	/** All outputs of the node (main[0], main[1], …) */
	outputs: INodeExecutionData[][];
	run: IRun;
}

export interface PollOptions extends NodeUnderTest {
	parameters: INodeParameters;
	/** JSON of workflow.staticData saved from a previous poll ('' or undefined = fresh workflow). */
	staticData?: string;
	/** Default 'trigger'. */
	mode?: 'trigger' | 'manual';
	/** Default: 'manual' when mode is 'manual'; else 'activate' for a fresh workflow, 'init' when staticData is given. */
	activation?: 'activate' | 'update' | 'init' | 'manual';
	nodeName?: string;
	/** The workflow's id (default 'harness-poll-workflow'): one per simulated deployment. */
	workflowId?: string;
}

export interface PollResult {
	items: INodeExecutionData[] | null;
	json: IDataObject[];
	/** JSON.stringify(workflow.staticData) after the poll: feed it to the next runPoll as `staticData`. */
	staticData: string;
	/** workflow.staticData['node:<node name>'] after the poll ({} if none). */
	nodeStaticData: IDataObject;
	/** What the node logged during the poll through `this.logger`, in order. */
	logged: LoggedLine[];
}

export interface LoggedLine {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
}

/**
 * The context's logger (n8n's, from its container) with every line also kept in `sink`: one poll's lines,
 * even when several polls run at once.
 */
function recordLogger(ctx: PollContext, sink: LoggedLine[]): void {
	// n8n-core memoizes `logger` on first read as a fixed property: read n8n's logger through the prototype's
	// getter on a throwaway object instead, and give this context its own before anything reads it.
	let proto: object | null = Object.getPrototypeOf(ctx) as object | null;
	let getter: (() => unknown) | undefined;
	while (proto !== null && getter === undefined) {
		getter = Object.getOwnPropertyDescriptor(proto, 'logger')?.get;
		proto = Object.getPrototypeOf(proto) as object | null;
	}
	if (getter === undefined) throw new UnexpectedError('PollContext has no logger getter');
	const base = getter.call({}) as PollContext['logger'];
	const levels = new Set<string>(['debug', 'info', 'warn', 'error']);
	const recording = new Proxy(base, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver) as unknown;
			if (typeof property !== 'string' || !levels.has(property) || typeof value !== 'function') return value;
			return (message: string, meta?: object) => {
				sink.push({ level: property as LoggedLine['level'], message });
				return (value as (m: string, meta?: object) => void).call(target, message, meta);
			};
		},
	});
	Object.defineProperty(ctx, 'logger', { value: recording });
}

export interface LoaderOptions extends NodeUnderTest {
	method: string;
	/** The node's current parameters (what the editor sends as currentNodeParameters); defaults are applied. */
	parameters: INodeParameters;
	/** The parameter path the editor sends (LoadOptionsContext `path`), default 'parameters'. */
	path?: string;
}

export interface ObservedError {
	message: string;
	description?: string;
	/** JSON of the error as n8n persists it (ExecutionBaseError.toJSON plus httpCode/messages), or of the error item. */
	json?: string;
}

/** Every error message/description the harness saw, for tests that prove a secret never leaks. */
export const observedErrors: ObservedError[] = [];

export function clearObservedErrors(): void {
	observedErrors.length = 0;
}

export function runNode(opts: RunNodeOptions): Promise<NodeRunResult> {
	return startNode(opts).result;
}

/** Starts a run that the test can cancel (WorkflowExecute's PCancelable). `result` never rejects. */
export function startNode(opts: RunNodeOptions): { result: Promise<NodeRunResult>; cancel(): void } {
	const nodeName = opts.nodeName ?? DEFAULT_NODE_NAME;
	let cancelRequested = false;
	let cancelExecution = (): void => {};
	const thrown: unknown[] = [];
	const result = (async (): Promise<NodeRunResult> => {
		let run: IRun;
		let workflow: Workflow;
		try {
			const built = buildExecutionWorkflow(opts, nodeName, (error) => thrown.push(error));
			workflow = built.workflow;
			const { additionalData } = built;
			const workflowExecute = new WorkflowExecute(additionalData, 'manual');
			// run() throws synchronously when the workflow has issues (e.g. a required parameter is missing).
			const execution = workflowExecute.run({ workflow });
			cancelExecution = () => execution.cancel();
			if (cancelRequested) execution.cancel();
			run = await execution;
		} catch (error) {
			recordError(error);
			return {
				status: 'error',
				items: [],
				json: [],
				outputs: [],
				error,
				run: { data: createRunExecutionData(), mode: 'manual', status: 'error', startedAt: new Date() } as IRun,
			};
		}
		return toNodeRunResult(run, nodeName, originalError(run, thrown, workflow.getNode(nodeName)));
	})();
	return {
		result,
		cancel: () => {
			cancelRequested = true;
			cancelExecution();
		},
	};
}

export async function runPoll(opts: PollOptions): Promise<PollResult> {
	const nodeName = opts.nodeName ?? DEFAULT_NODE_NAME;
	const fresh = opts.staticData === undefined || opts.staticData === '';
	const mode: WorkflowExecuteMode = opts.mode ?? 'trigger';
	const activation: WorkflowActivateMode =
		opts.activation ?? (mode === 'manual' ? 'manual' : fresh ? 'activate' : 'init');

	const setup = prepare(opts);
	const node = setup.makeNode(nodeName, opts.parameters, [0, 0]);
	const workflow = new Workflow({
		id: opts.workflowId ?? 'harness-poll-workflow',
		name: 'Harness poll workflow',
		nodes: [node],
		connections: {},
		active: mode !== 'manual',
		nodeTypes: setup.nodeTypes,
		staticData: fresh ? {} : jsonParse<IDataObject>(opts.staticData as string),
	});
	const additionalData = makeAdditionalData(setup.credentialsHelper, workflow, mode);
	const workflowNode = workflow.getNode(nodeName) as INode;
	const nodeType = setup.nodeTypes.getByNameAndVersion(workflowNode.type, workflowNode.typeVersion);
	if (typeof nodeType.poll !== 'function') {
		throw new UnexpectedError(`Node type "${workflowNode.type}" has no poll method`);
	}

	const ctx = new PollContext(workflow, workflowNode, additionalData, mode, activation);
	const logged: LoggedLine[] = [];
	recordLogger(ctx, logged);
	let items: INodeExecutionData[][] | null;
	try {
		items = await nodeType.poll.call(ctx as IPollFunctions);
	} catch (error) {
		recordError(error);
		throw error;
	}
	const first = items === null ? null : (items[0] ?? []);
	const nodeStaticData = (workflow.staticData[`node:${nodeName}`] ?? {}) as IDataObject;
	return {
		items: first,
		json: (first ?? []).map((i) => i.json),
		staticData: JSON.stringify(workflow.staticData),
		nodeStaticData: deepCopy(JSON.parse(JSON.stringify(nodeStaticData)) as IDataObject),
		logged,
	};
}

/** A `methods.loadOptions` loader through n8n-core's LoadOptionsContext, as n8n's DynamicNodeParametersService runs it. */
export async function runLoadOptions(opts: LoaderOptions): Promise<INodePropertyOptions[]> {
	const { ctx, nodeType } = loaderContext(opts);
	const method = nodeType.methods?.loadOptions?.[opts.method];
	if (typeof method !== 'function') {
		throw new UnexpectedError(`Node type has no loadOptions method "${opts.method}"`);
	}
	try {
		return await method.call(ctx);
	} catch (error) {
		recordError(error);
		throw error;
	}
}

/** A `methods.listSearch` method through n8n-core's LoadOptionsContext. */
export async function runListSearch(
	opts: LoaderOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { ctx, nodeType } = loaderContext(opts);
	const method = nodeType.methods?.listSearch?.[opts.method];
	if (typeof method !== 'function') {
		throw new UnexpectedError(`Node type has no listSearch method "${opts.method}"`);
	}
	try {
		return await method.call(ctx, opts.filter, opts.paginationToken);
	} catch (error) {
		recordError(error);
		throw error;
	}
}

/**
 * What n8n's "Test" button does (CredentialsTester.testCredentials, n8n 2.41) for a credential type with a `test`
 * request: apply defaults and resolve expressions in the data, run the request through n8n-core's RoutingNode on
 * a temporary noOp node (which resolves `={{$credentials.…}}` and applies `authenticate`), then map the outcome
 * (rules, non-2xx status, network error code) to { status, message }. `httpCode` is extra: the status seen, if any.
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string; httpCode?: number }> {
	const finish = (r: { status: 'OK' | 'Error'; message: string; httpCode?: number }) => {
		if (r.status === 'Error') observedErrors.push({ message: r.message, json: JSON.stringify(r) });
		return r;
	};
	const testRequest = credentialType.test;
	if (testRequest === undefined) {
		return finish({ status: 'Error', message: 'No testing function found for this credential.' });
	}

	const credentialsHelper = new TestCredentialsHelper([credentialType], {});
	const nodeTypesMap: Record<string, INodeType | IVersionedNodeType> = {};
	const nodeTypes = new HarnessNodeTypes(nodeTypesMap);
	const credentialsDecrypted = {
		id: 'harness-credential',
		name: `${credentialType.displayName} account`,
		type: credentialType.name,
		data: deepCopy(data),
	};

	const probe = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes });
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			makeAdditionalData(credentialsHelper, probe, 'internal'),
			credentialsDecrypted.data,
			credentialType.name,
			'internal',
		);
	} catch (error) {
		recordError(error);
		return finish({ status: 'Error', message: String((error as Error).message) });
	}

	const noOp = noOpNodeType();
	const nodeTypeCopy: INodeType = {
		description: {
			...noOp.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	nodeTypesMap[NO_OP_NODE_TYPE] = nodeTypeCopy;

	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const workflowNode = workflow.getNode(node.name) as INode;
	const additionalData = makeAdditionalData(credentialsHelper, workflow, 'internal');
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node: workflowNode, data: {}, source: null };
	const executeFunctions = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		recordError(caught);
		const error = caught as { message?: unknown; cause?: { response?: { status: number; statusText?: string }; code?: string } };
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			const statusMessage = error.cause.response.statusText;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return finish({ status: 'Error', message: rule.properties.message, httpCode: statusCode });
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return finish({
					status: 'Error',
					message: statusMessage || `Received HTTP status code: ${statusCode}`,
					httpCode: statusCode,
				});
			}
		} else if (error.cause?.code) {
			return finish({ status: 'Error', message: error.cause.code });
		}
		return finish({ status: 'Error', message: String(error.message) });
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response?.[0]?.[0]?.json;
			if (getPath(responseData, rule.properties.key) === rule.properties.value) {
				return finish({ status: 'Error', message: rule.properties.message });
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

// ---------------------------------------------------------------------------------------------------------------
// The node types a harness workflow knows (the stand-ins for n8n-nodes-base are in fixtures/baseNodes.ts)
// ---------------------------------------------------------------------------------------------------------------

export class HarnessNodeTypes implements INodeTypes {
	private readonly wrapped = new Map<string, INodeType>();

	/**
	 * @param observe When given, the node types named in it have their `execute` wrapped so that the error a node
	 * throws is reported (n8n's WorkflowExecute keeps only a plain-object copy of it in the run data).
	 */
	constructor(
		private readonly types: Record<string, INodeType | IVersionedNodeType>,
		private readonly observe?: { typeNames: string[]; onThrow: (error: unknown) => void },
	) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			throw new UnexpectedError(`Unrecognized node type: ${nodeType}`);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const resolved = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		const observe = this.observe;
		if (!observe?.typeNames.includes(nodeType) || typeof resolved.execute !== 'function') return resolved;
		const key = `${nodeType}@${String(version)}`;
		let wrapper = this.wrapped.get(key);
		if (wrapper === undefined) {
			const execute = resolved.execute;
			// Same object for n8n (prototype chain); only `execute` is observed, its result and errors unchanged.
			wrapper = Object.create(resolved, {
				execute: {
					value: async function (this: IExecuteFunctions) {
						try {
							return await execute.call(this);
						} catch (error) {
							observe.onThrow(error);
							throw error;
						}
					},
				},
			}) as INodeType;
			this.wrapped.set(key, wrapper);
		}
		return wrapper;
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.types).map((name) => [name, { className: name, sourcePath: '' }]));
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------------------------

function typeNameOf(opts: NodeUnderTest): string {
	return opts.typeName ?? `${PACKAGE_NAME}.${opts.nodeType.description.name}`;
}

function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	const description = nodeType.description as { defaultVersion?: number; version?: number | number[] };
	if (typeof description.defaultVersion === 'number') return description.defaultVersion;
	const { version } = description;
	if (Array.isArray(version)) return Math.max(...version);
	return version ?? 1;
}

function prepare(opts: NodeUnderTest, onThrow?: (error: unknown) => void) {
	const typeName = typeNameOf(opts);
	const typeVersion = opts.typeVersion ?? latestVersion(opts.nodeType);
	const nodeTypes = new HarnessNodeTypes(
		{
			[MANUAL_TRIGGER_TYPE]: new HarnessManualTrigger(),
			[ITEMS_NODE_TYPE]: new HarnessItems(),
			[typeName]: opts.nodeType,
		},
		onThrow ? { typeNames: [typeName], onThrow } : undefined,
	);
	const credentialsHelper = new TestCredentialsHelper(opts.credentialTypes, opts.credentials ?? {});
	const credentials: INodeCredentials = {};
	for (const name of Object.keys(opts.credentials ?? {})) {
		credentials[name] = { id: `harness-${name}`, name: `${name} account` };
	}
	const makeNode = (name: string, parameters: INodeParameters, position: [number, number]): INode => ({
		id: `harness-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: typeName,
		typeVersion,
		position,
		parameters: deepCopy(parameters),
		...(Object.keys(credentials).length > 0 ? { credentials: deepCopy(credentials) } : {}),
	});
	return { typeName, typeVersion, nodeTypes, credentialsHelper, makeNode };
}

let executionCounter = 0;

function makeAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	workflow: Workflow,
	mode: WorkflowExecuteMode,
): IWorkflowExecuteAdditionalData {
	const executionId = `harness-${++executionCounter}`;
	const workflowData: IWorkflowBase = {
		id: workflow.id ?? 'harness-workflow',
		name: workflow.name ?? 'Harness workflow',
		active: workflow.active,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: {},
	};
	const notSupported = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not supported by the test harness`);
	};
	const base = INSTANCE_BASE_URL.replace(/\/$/, '');
	const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		externalSecretsProxy: new ExternalSecretsProxy(),
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: INSTANCE_BASE_URL,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		userId: 'harness-user',
		executeWorkflow: notSupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notSupported('startRunnerTask'),
	};
	return additionalData as IWorkflowExecuteAdditionalData;
}

function buildExecutionWorkflow(opts: RunNodeOptions, nodeName: string, onThrow: (error: unknown) => void) {
	const setup = prepare(opts, onThrow);
	const input = opts.input ?? [{}];
	const trigger: INode = {
		id: 'harness-manual-trigger',
		name: TRIGGER_NODE_NAME,
		type: MANUAL_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const itemsNode: INode = {
		id: 'harness-items',
		name: ITEMS_NODE_NAME,
		type: ITEMS_NODE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: { items: JSON.stringify(input) },
	};
	const node = setup.makeNode(nodeName, opts.parameters, [440, 0]);
	if (opts.continueOnFail) node.onError = 'continueRegularOutput';

	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness workflow',
		nodes: [trigger, itemsNode, node],
		connections: {
			[TRIGGER_NODE_NAME]: { main: [[{ node: ITEMS_NODE_NAME, type: 'main', index: 0 }]] },
			[ITEMS_NODE_NAME]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
		active: false,
		nodeTypes: setup.nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const additionalData = makeAdditionalData(setup.credentialsHelper, workflow, 'manual');
	return { workflow, additionalData };
}

function loaderContext(opts: LoaderOptions) {
	const setup = prepare(opts);
	// The server's temporary workflow: one node called 'Temp-Node' with the editor's current parameters.
	const node = setup.makeNode('Temp-Node', opts.parameters, [0, 0]);
	node.id = 'uuid-1234';
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: setup.nodeTypes });
	const workflowNode = workflow.getNode('Temp-Node') as INode;
	const additionalData = makeAdditionalData(setup.credentialsHelper, workflow, 'internal');
	additionalData.currentNodeParameters = workflowNode.parameters;
	const ctx = new LoadOptionsContext(workflow, workflowNode, additionalData, opts.path ?? 'parameters');
	const nodeType = setup.nodeTypes.getByNameAndVersion(workflowNode.type, workflowNode.typeVersion);
	return { ctx, nodeType };
}

/**
 * WorkflowExecute stores `{ ...error, message, stack }` (a plain object) as data.resultData.error, after turning
 * an unhandled axios error into a NodeApiError. Give back the error instance the node threw (normalized the same
 * way) when it is the one n8n recorded, so `instanceof NodeApiError` works; else n8n's plain object.
 */
function originalError(run: IRun, thrown: unknown[], node: INode | null): unknown {
	const recorded = run.data.resultData.error as { message?: string; name?: string } | undefined;
	if (recorded === undefined || thrown.length === 0) return recorded;
	let last = thrown[thrown.length - 1] as { isAxiosError?: boolean; message?: string; name?: string };
	if (last?.isAxiosError === true && node) last = new NodeApiError(node, last as unknown as JsonObject);
	if (last?.message === recorded.message && (recorded.name === undefined || recorded.name === last.name)) return last;
	return recorded;
}

function toNodeRunResult(run: IRun, nodeName: string, originalOrRecorded: unknown): NodeRunResult {
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((o) => o ?? []);
	const items = outputs[0] ?? [];
	const error = originalOrRecorded ?? taskData?.error;
	if (error) recordError(error);
	for (const output of outputs) {
		for (const item of output) {
			if (item.json.error !== undefined || item.error !== undefined) recordErrorItem(item);
		}
	}
	return { status: run.status, items, json: items.map((i) => i.json), error, outputs, run };
}

/** What n8n's CredentialsTester reads a `responseSuccessBody` rule with: lodash `get` (strings index by character). */
function getPath(value: unknown, path: string): unknown {
	return lodashGet(value, path);
}

/**
 * JSON of an error as n8n keeps it: for n8n's errors (which have toJSON) every own field except the raw `cause`
 * (what WorkflowExecute stores: `{ ...error, message, stack }`, incl. errorResponse, messages, context, httpCode)
 * plus toJSON's persisted form; for other errors only name, message, description and stack.
 */
function errorToJson(error: unknown): string {
	if (error === null || typeof error !== 'object') return JSON.stringify(String(error));
	const e = error as Record<string, unknown> & { toJSON?: () => unknown };
	const payload: Record<string, unknown> =
		typeof e.toJSON === 'function'
			? { ...e, cause: undefined, message: e.message, stack: e.stack, persisted: e.toJSON() }
			: { name: e.name, message: e.message, description: e.description, stack: e.stack };
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(payload, (_key, value: unknown) => {
			if (value !== null && typeof value === 'object') {
				if (seen.has(value)) return '[Circular]';
				seen.add(value);
			}
			return value;
		});
	} catch {
		return JSON.stringify({ message: String(e.message) });
	}
}

function recordError(error: unknown): void {
	const e = error as { message?: unknown; description?: unknown } | undefined;
	observedErrors.push({
		message: String(e?.message ?? error),
		...(e?.description !== undefined && e.description !== null ? { description: String(e.description) } : {}),
		json: errorToJson(error),
	});
}

function recordErrorItem(item: INodeExecutionData): void {
	const { json } = item;
	const err = json.error;
	const message =
		typeof err === 'string' ? err : err && typeof err === 'object' ? String((err as IDataObject).message ?? JSON.stringify(err)) : '';
	const description =
		json.description !== undefined
			? String(json.description)
			: err && typeof err === 'object' && (err as IDataObject).description !== undefined
				? String((err as IDataObject).description)
				: undefined;
	let serialized: string;
	try {
		serialized = JSON.stringify({ json, error: item.error });
	} catch {
		serialized = String(message);
	}
	observedErrors.push({ message, ...(description !== undefined ? { description } : {}), json: serialized });
	if (item.error) recordError(item.error);
}
