/**
 * The webhook trigger of the sms-activate protocol family: the servers that push each incoming SMS to a
 * URL set in the account (HeroSMS, SMSBower, sms.online; docs/research/sms-activate-family.md) POST it to
 * this node, which starts the workflow once per SMS.
 *
 * How each delivery is answered, and why (every documenting server takes only HTTP 200 as received and
 * retries anything else a bounded number of times: sms-activate up to 8 times within 2 hours, HeroSMS 8
 * attempts over minutes, SMSBower 3, sms.online never):
 * - a new SMS: the workflow starts, and n8n answers 200 `{"status":"received"}` once the execution exists
 *   (responseMode `onReceived`), so a failure before that leaves the server retrying instead of losing the code;
 *   a lookup that fails or takes over LOOKUP_TIMEOUT_MS does not hold the code back (it is logged);
 * - a repeat of an SMS that already started the workflow: 200 `{"status":"duplicate"}`, nothing started;
 * - an activation the account does not have (asked with getStatus): 200 `{"status":"ignored"}`, logged,
 *   nothing started: asking again would get the same answer, so a retry could only repeat the request;
 * - a body that is not an SMS: 400 `{"status":"rejected","message":…}`, logged, nothing started. The
 *   retries are bounded and answered the same, and the failure shows in the server's delivery log (SMSBower
 *   notes it in the profile), where a 200 would hide a lost code. A body that is not even JSON but claims to
 *   be never reaches the node: n8n itself answers it 422 ("Failed to parse request body").
 * Repeats are told apart by the memory in seen.ts. Verified end to end in n8n 2.41.1 (test/e2e/webhookTrigger.test.ts).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { FAMILY_SERVERS, SMS_ACTIVATE, type ServerConnection } from '../transport/activationServers';
import { parseStatus } from '../transport/rentVerifyAnswers';
import { scrubSecrets } from '../transport/secrets';
import { endpoint } from '../transport/smsActivate';
import { acceptedHere, claimDelivery, hasSeen, pruneSeen, readSeen, settleDelivery, withSeen, writeSeen } from './seen';
import { deliveryKey, pushedCodeItem, readPushedSms, webhookBodyOf } from './smsWebhook';
import { triggerKeyOf } from '../trigger/processKey';

/** The path n8n puts after the node's webhook ID: `…/webhook/<id>/sms-code`. */
export const WEBHOOK_PATH = 'sms-code';
/** n8n's answer to a push that started the workflow, as an expression n8n evaluates (see the description). */
export const ON_RECEIVED_ANSWER = '={{ { "status": "received", "message": "Workflow was started" } }}';
/** How long the server is asked about an activation: HeroSMS waits 3 s for the answer to its push. */
export const LOOKUP_TIMEOUT_MS = 2_000;

const PUSHING_SERVERS = FAMILY_SERVERS.filter((server) => server.webhook).map((server) => server.name);

const listOf = (names: string[]) => `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName: `Copy this node's Production URL (Webhook URLs, above) into the webhook setting of your account at the server, and publish the workflow. ${listOf(PUSHING_SERVERS)} push each SMS there; for the other servers use the SMS-Activate Protocol Trigger, which polls.`,
		name: 'serverNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Check Each Activation With the Server',
				name: 'checkActivation',
				type: 'boolean',
				default: true,
				description:
					"Whether to ask the server (getStatus) if a pushed activation is one of this account's before the workflow starts. A push for an activation the account does not have is answered and ignored. When the server does not answer within 2 seconds, the code starts the workflow all the same.",
			},
		],
	},
];

interface NodeNaming {
	defaultName: string;
	credential: string;
}

export function webhookTriggerDescription(base: INodeTypeBaseDescription, naming: NodeNaming): INodeTypeDescription {
	return {
		...base,
		version: 1,
		subtitle: 'New Code (pushed)',
		defaults: { name: naming.defaultName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: naming.credential, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
				// What n8n answers a push that started the workflow. Without it, n8n 2.41.1 answers the bare
				// text "firstEntryJson" (its default for responseData, taken as the body).
				responseData: ON_RECEIVED_ANSWER,
			},
		],
		triggerPanel: {
			header: '',
			executionsHelp: {
				inactive:
					"The server pushes each SMS to the URL set in your account. <br /><br /><b>While you build</b>: click 'listen', put the test URL in your account's webhook setting (or POST a sample body to it) and receive a code: the execution shows up in the editor.<br /><br /><b>To run automatically</b>: put the production URL in your account and publish the workflow. Each new code then starts one execution, listed under executions.",
				active:
					"The server pushes each SMS to the URL set in your account. <br /><br /><b>While you build</b>: click 'listen', put the test URL in your account's webhook setting (or POST a sample body to it) and receive a code: the execution shows up in the editor.<br /><br /><b>Running automatically</b>: the workflow is published, so each new code pushed to the production URL starts one execution, listed under <a data-key=\"executions\">executions</a>.",
			},
			activationHint:
				"Once the workflow is built, put the production URL in your account's webhook setting and publish the workflow: codes then start it without this button.",
		},
		properties: webhookTriggerProperties,
	};
}

/**
 * Activation: the URL is set in the account by hand (no server has an API for it), so there is nothing
 * to create; a server known not to push codes makes the activation fail with what to use instead.
 */
export function webhookLifecycle(credentialType: string) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials(credentialType);
				const server = FAMILY_SERVERS.find((known) => known.value === credentials.server);
				if (server && !server.webhook) {
					throw new NodeOperationError(this.getNode(), `${server.name} does not document a webhook that pushes codes`, {
						description: `Use the SMS-Activate Protocol Trigger (it polls ${server.name}), or a server that pushes codes: ${listOf(PUSHING_SERVERS)}. If your ${server.name} account does offer a webhook, choose Custom in the credential with ${server.name}'s address.`,
					});
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}

type Lookup = { verdict: 'known' } | { verdict: 'unknown'; word: string } | { verdict: 'unverified'; reason: string };

/** What the servers answer getStatus for an activation the key's account does not have. */
const NOT_THIS_ACCOUNTS = new Set(['NO_ACTIVATION', 'NOT_FOUND', 'WRONG_ACTIVATION_ID']);

/** Asks the server once, within LOOKUP_TIMEOUT_MS, whether the activation is the account's. Never throws. */
async function lookUpActivation(
	this: IWebhookFunctions,
	credentialType: string,
	connection: ServerConnection,
	activationId: string,
): Promise<Lookup> {
	const secrets = [connection.token];
	try {
		new URL(connection.baseUrl);
	} catch {
		return { verdict: 'unverified', reason: `the base URL "${connection.baseUrl}" in the credential is not a valid URL` };
	}
	const options: IHttpRequestOptions = {
		method: 'GET',
		...endpoint(connection.baseUrl, 'getStatus', { id: activationId }),
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: LOOKUP_TIMEOUT_MS,
	};
	let response: { statusCode: number; body: unknown };
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options)) as typeof response;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { verdict: 'unverified', reason: scrubSecrets(`${connection.name} could not be asked: ${message}`, secrets) };
	}
	const body = typeof response.body === 'string' ? response.body : Buffer.isBuffer(response.body) ? response.body.toString('utf8') : JSON.stringify(response.body ?? '');
	const status = parseStatus({ statusCode: response.statusCode, body: scrubSecrets(body, secrets) }, connection.name);
	if (status.ok) return { verdict: 'known' };
	if (NOT_THIS_ACCOUNTS.has(status.problem.word)) return { verdict: 'unknown', word: status.problem.word };
	return { verdict: 'unverified', reason: scrubSecrets(status.problem.message, secrets) };
}

/**
 * Remembers the delivery as accepted once n8n has answered it 200 (the execution exists by then), or
 * forgets the claim when the answer was anything else or never went out.
 */
function settleWhenAnswered(context: IWebhookFunctions, triggerKey: string, key: string): void {
	const response = context.getResponseObject() as unknown as
		| { once?: (event: string, listener: () => void) => unknown; statusCode?: number; writableFinished?: boolean }
		| undefined;
	if (typeof response?.once !== 'function') {
		settleDelivery(triggerKey, key, true, Date.now());
		return;
	}
	let settled = false;
	const settle = (finished: boolean) => {
		if (settled) return;
		settled = true;
		settleDelivery(triggerKey, key, finished && response.statusCode === 200, Date.now());
	};
	response.once('finish', () => settle(true));
	response.once('close', () => settle(response.writableFinished === true));
}

const answer = (status: string, message: string, extra: IDataObject = {}): IWebhookResponseData => ({
	webhookResponse: { status, message, ...extra },
});

/** One delivery. */
export async function receivePushedSms(this: IWebhookFunctions, credentialType: string): Promise<IWebhookResponseData> {
	const now = Date.now();
	const request = this.getRequestObject() as unknown as { rawBody?: unknown };
	const reading = readPushedSms(webhookBodyOf(request?.rawBody, this.getBodyData()));
	if (!reading.ok) {
		this.logger.warn(`SMS-Activate Protocol Webhook Trigger: refused a push (HTTP 400): ${reading.reason}`);
		const response = this.getResponseObject();
		response.status(400).json({ status: 'rejected', message: `Not an SMS push: ${reading.reason}` });
		return { noWebhookResponse: true };
	}
	const { sms } = reading;
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(credentialType);
	const connection = SMS_ACTIVATE.connect(credentials);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const check = options.checkActivation !== false;
	// "Listen for test event": every push is shown, and the memory of a published workflow is not touched.
	const remember = this.getMode() !== 'manual';

	const key = deliveryKey(sms);
	const triggerKey = triggerKeyOf(this);
	const staticData = remember ? this.getWorkflowStaticData('node') : undefined;
	const seen = staticData ? pruneSeen([...readSeen(staticData, now), ...acceptedHere(triggerKey, now)], now) : [];
	if (staticData && (hasSeen(seen, key) || !claimDelivery(triggerKey, key, now))) {
		writeSeen(staticData, seen);
		return answer('duplicate', `Already received: activation ${sms.activationId}, code ${sms.token}`);
	}

	// From here the key is claimed: it is released unless n8n is left to answer the delivery.
	let handedOver = false;
	try {
		if (check) {
			const lookup = await lookUpActivation.call(this, credentialType, connection, sms.activationId);
			if (lookup.verdict === 'unknown') {
				this.logger.warn(
					`SMS-Activate Protocol Webhook Trigger: ignored a push for activation ${sms.activationId}, which ${connection.name} does not know for this account (${lookup.word})`,
				);
				return answer('ignored', `Activation ${sms.activationId} is not one of this account's at ${connection.name} (${lookup.word})`);
			}
			if (lookup.verdict === 'unverified') {
				this.logger.warn(
					`SMS-Activate Protocol Webhook Trigger: activation ${sms.activationId} could not be checked (${lookup.reason}); its code starts the workflow all the same`,
				);
			}
		}
		if (staticData) {
			writeSeen(staticData, withSeen(seen, key, Date.now()));
			settleWhenAnswered(this, triggerKey, key);
			handedOver = true;
		}
	} finally {
		if (staticData && !handedOver) settleDelivery(triggerKey, key, false, Date.now());
	}
	return { workflowData: [this.helpers.returnJsonArray([pushedCodeItem(connection.provider, sms, now)])] };
}

