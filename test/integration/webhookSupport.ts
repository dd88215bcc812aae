// A stand-in for n8n's production webhook endpoint, for the SMS-Activate Protocol Webhook Trigger: a real HTTP
// server on 127.0.0.1 that the simulator's servers push to, and that hands each request to the node's
// `webhook()` through n8n-core's real WebhookContext, then answers the way n8n 2.41.1 does
// (packages/cli/src/webhooks/webhook-helpers.ts and live-webhooks.ts, read from the installed n8n):
// - the body is parsed as n8n's body parser does: `application/json` that is not JSON is answered 422
//   ("Failed to parse request body") before the node runs; the raw bytes stay on the request (`rawBody`);
// - each request runs on a fresh Workflow built from the static data "in the database" (a JSON string here);
// - the node's result: `noWebhookResponse` → the node answered itself; no `workflowData` → 200 with its
//   `webhookResponse` (or n8n's `{"message":"Webhook call received"}`); `workflowData` → an execution is
//   created first, then answered 200 with the description's `responseData` (responseMode `onReceived`); a thrown error → 500
//   ("Workflow Webhook Error: Workflow could not be started!"), nothing saved;
// - the static data is saved when it changed, before the answer goes out, except after an error.
// Nothing of n8n-core is mocked; n8n's server (express, the database) is what this file stands in for.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, jsonParse } from 'n8n-workflow';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, HookContext, WebhookContext } from 'n8n-core';

import { SmsActivateApi } from '../../credentials/SmsActivateApi.credentials';
import { SmsActivateWebhookTrigger } from '../../nodes/SmsActivate/SmsActivateWebhookTrigger.node';
import { HarnessNodeTypes, INSTANCE_BASE_URL, PACKAGE_NAME, TestCredentialsHelper } from '../helpers/n8nCore';

export const NODE_NAME = 'SMS Webhook Trigger';
export const NODE_TYPE = `${PACKAGE_NAME}.smsActivateWebhookTrigger`;
export const WEBHOOK_ID = '5b0d6f0e-4a39-4c44-9a55-2f1f3f8a0c11';

export interface Execution {
	items: IDataObject[];
}

export interface Answer {
	status: number;
	body: string;
}

export interface ReceiverOptions {
	/** The credential data (smsActivateApi). */
	credentials: ICredentialDataDecryptedObject;
	/** The node's parameters (default: none, i.e. the defaults). */
	parameters?: INodeParameters;
	/** 'webhook' (a published workflow) or 'manual' (the editor listening for a test event). */
	mode?: WorkflowExecuteMode;
	workflowId?: string;
	/** The static data "in the database" at start (JSON of workflow.staticData). */
	staticData?: string;
}

const nodeType = new SmsActivateWebhookTrigger();

function additionalDataFor(credentials: ICredentialDataDecryptedObject, workflow: Workflow, mode: WorkflowExecuteMode) {
	const base = INSTANCE_BASE_URL.replace(/\/$/, '');
	const workflowData = {
		id: workflow.id,
		name: workflow.name ?? 'Webhook workflow',
		active: true,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: {},
		settings: {},
	};
	const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper: new TestCredentialsHelper([new SmsActivateApi()], { smsActivateApi: credentials }),
		hooks: new ExecutionLifecycleHooks(mode, 'webhook-harness', workflowData),
		externalSecretsProxy: new ExternalSecretsProxy(),
		executionId: 'webhook-harness',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: INSTANCE_BASE_URL,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		userId: 'harness-user',
	};
	return additionalData as IWorkflowExecuteAdditionalData;
}

function workflowOf(options: ReceiverOptions, staticData: string): Workflow {
	const node: INode = {
		id: 'webhook-trigger',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: options.parameters ?? {},
		credentials: { smsActivateApi: { id: 'harness-smsActivateApi', name: 'SMS-Activate Protocol account' } },
	};
	return new Workflow({
		id: options.workflowId ?? 'webhook-harness-workflow',
		name: 'Webhook harness workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new HarnessNodeTypes({ [NODE_TYPE]: nodeType }),
		staticData: staticData === '' ? {} : jsonParse<IDataObject>(staticData),
	});
}

/** Runs the node's `webhookMethods.default.checkExists` as n8n does when it activates the workflow. */
export async function activate(options: ReceiverOptions): Promise<boolean> {
	const workflow = workflowOf(options, '');
	const node = workflow.getNode(NODE_NAME) as INode;
	const additionalData = additionalDataFor(options.credentials, workflow, 'trigger');
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate');
	const type = NodeHelpers.getVersionedNodeType(nodeType, 1);
	return await (type.webhookMethods?.default?.checkExists as (this: HookContext) => Promise<boolean>).call(context);
}

/** An express-like response on node's own: what the node and n8n call on it. */
type ExpressLike = http.ServerResponse & {
	status(code: number): ExpressLike;
	json(body: unknown): ExpressLike;
	send(body: string): ExpressLike;
};

function expressLike(res: http.ServerResponse): ExpressLike {
	const like = res as ExpressLike;
	return Object.assign(like, {
		status(code: number) {
			like.statusCode = code;
			return like;
		},
		json(body: unknown) {
			like.setHeader('content-type', 'application/json; charset=utf-8');
			like.end(JSON.stringify(body));
			return like;
		},
		send(body: string) {
			like.end(body);
			return like;
		},
	});
}

export class WebhookReceiver {
	readonly executions: Execution[] = [];
	readonly answers: Answer[] = [];
	/** The static data "in the database": JSON of workflow.staticData, as n8n saved it last. */
	staticData: string;
	/** Requests n8n would fail to create an execution for (500, nothing saved). */
	failExecutions = 0;
	private server?: http.Server;

	constructor(private readonly options: ReceiverOptions) {
		this.staticData = options.staticData ?? '';
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo;
		return `http://127.0.0.1:${address.port}/webhook/${WEBHOOK_ID}/sms-code`;
	}

	/** The node's memory as n8n keeps it in the workflow's static data. */
	get nodeStaticData(): IDataObject {
		const all = this.staticData === '' ? {} : (JSON.parse(this.staticData) as IDataObject);
		return (all[`node:${NODE_NAME}`] ?? {}) as IDataObject;
	}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => void this.handle(req, expressLike(res)));
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.server?.closeAllConnections();
	}

	private async handle(req: http.IncomingMessage, res: ExpressLike): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		res.on('finish', () => this.answers.push({ status: res.statusCode, body: (res as unknown as { sentBody?: string }).sentBody ?? '' }));
		const end = res.end.bind(res) as (body?: string) => void;
		(res as unknown as { end: (body?: string) => unknown }).end = (body?: string) => {
			(res as unknown as { sentBody?: string }).sentBody = body ?? '';
			end(body);
			return res;
		};

		let body: unknown = {};
		const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim();
		if (rawBody.length > 0 && contentType === 'application/json') {
			try {
				body = jsonParse(rawBody.toString('utf8').replace(/^\uFEFF/, ''));
			} catch (error) {
				res.status(422).json({ code: 422, message: 'Failed to parse request body', hint: (error as Error).message });
				return;
			}
		}

		const mode = this.options.mode ?? 'webhook';
		const workflow = workflowOf(this.options, this.staticData);
		const node = workflow.getNode(NODE_NAME) as INode;
		const additionalData = additionalDataFor(this.options.credentials, workflow, mode);
		additionalData.httpRequest = { body, rawBody, headers: req.headers, query: {}, params: {}, method: 'POST' } as never;
		additionalData.httpResponse = res as never;
		const type = NodeHelpers.getVersionedNodeType(nodeType, 1);
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: NODE_NAME,
			path: `${WEBHOOK_ID}/sms-code`,
			webhookDescription: type.description.webhooks?.[0] as IWebhookData['webhookDescription'],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
			isTest: mode === 'manual',
		};
		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		let result: IWebhookResponseData;
		try {
			result = await (type.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
		} catch {
			res.status(500).json({ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
			return;
		}
		if (result.workflowData !== undefined) {
			if (this.failExecutions > 0) {
				this.failExecutions--;
				res.status(500).json({ code: 0, message: 'Error in workflow' });
				return;
			}
			this.executions.push({ items: result.workflowData[0].map((item) => item.json) });
		}
		this.save(workflow);
		if (result.noWebhookResponse === true) return;
		if (result.workflowData) {
			// responseMode onReceived: the description's responseData, evaluated as n8n does.
			const description = type.description.webhooks?.[0];
			res.status(200).json(workflow.expression.getComplexParameterValue(node, description?.responseData, mode, {}, undefined, 'firstEntryJson'));
			return;
		}
		res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: only when the data changed. */
	private save(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged !== true) return;
		this.staticData = JSON.stringify(data);
		data.__dataChanged = false;
	}

	/** Items of every execution, in order. */
	items(): IDataObject[] {
		return this.executions.flatMap((execution) => execution.items);
	}

	/** The JSON body of each answer. */
	answerBodies(): IDataObject[] {
		return this.answers.map((answer) => (answer.body === '' ? {} : (JSON.parse(answer.body) as IDataObject)));
	}
}

export async function startReceiver(options: ReceiverOptions): Promise<WebhookReceiver> {
	return await new WebhookReceiver(options).start();
}
