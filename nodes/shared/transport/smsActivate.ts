/**
 * The sms-activate protocol's transport: the only place that builds its URLs and sends its actions,
 * for RentVerify and every server of the family (activationServers.ts). Every call goes through
 * `httpRequestWithAuthentication` with the node's credential; the answers are read by the pure parsers
 * of rentVerifyAnswers.ts (docs/PROVIDERS.md).
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isHandlerStyle } from './activationAuth';
import type { ActivationServer, ProtocolAction, ServerConnection } from './activationServers';
import type {
	ActivationStatus,
	ActiveActivation,
	Country,
	NumbersAvailable,
	Price,
	PurchasedNumber,
	Service,
	SetStatusResult,
} from './rentVerifyAnswers';
import {
	parseActiveActivations,
	parseBalance,
	parseCancel,
	parseCountries,
	parseNumber,
	parsePurchaseV2,
	parseNumbersStatus,
	parsePrices,
	parseServices,
	parseSetStatus,
	parseStatus,
} from './rentVerifyAnswers';
import type { HttpAnswer, Parsed } from './answer';
import type { ProviderCall, ProviderContext } from './request';
import { callProvider } from './request';

/** The URL and query of one action, in the base URL's style. */
export function endpoint(baseUrl: string, action: string, params: IDataObject = {}) {
	const base = baseUrl.trim().replace(/\/+$/, '');
	return isHandlerStyle(base)
		? { url: base, qs: { action, ...params } }
		: { url: `${base}/${action}`, qs: params };
}

/** What each setStatus code does, for messages. */
const STATUS_NAMES: Record<number, string> = { 1: 'number ready', 3: 'another SMS', 6: 'finish', 8: 'cancel' };

/** The node's server, read from its credential and checked before anything is sent. */
export async function connect(
	this: ProviderContext,
	server: ActivationServer,
	itemIndex?: number,
): Promise<ServerConnection & { credentials: ICredentialDataDecryptedObject }> {
	const credentials = await this.getCredentials(server.credentialType, itemIndex);
	const connection = server.connect(credentials);
	try {
		new URL(connection.baseUrl);
	} catch {
		throw new NodeOperationError(this.getNode(), `The ${connection.name} base URL "${connection.baseUrl}" is not a valid URL`, {
			description: `Fix the base URL in the ${server.productName} credential.`,
			itemIndex,
		});
	}
	const tokenProblem = connection.tokenProblem?.(connection.token);
	if (tokenProblem) {
		throw new NodeOperationError(this.getNode(), tokenProblem, {
			description: `Copy the token again from your ${connection.name} account page into the credential. No request was sent.`,
			itemIndex,
		});
	}
	return { ...connection, credentials };
}

async function call<T>(
	context: ProviderContext,
	server: ActivationServer,
	action: ProtocolAction,
	params: IDataObject,
	interpret: (answer: HttpAnswer, providerName: string) => Parsed<T>,
	options: { sentOnce?: ProviderCall<T>['sentOnce']; itemIndex?: number } = {},
): Promise<T> {
	const connection = await connect.call(context, server, options.itemIndex);
	const status = action === 'setStatus' ? Number(params.status) : undefined;
	if (status !== undefined && !connection.statuses.has(status)) {
		throw new NodeOperationError(
			context.getNode(),
			`${connection.name} does not document setStatus ${status} (${STATUS_NAMES[status] ?? 'unknown'}), so this operation is not available there`,
			{ description: 'Pick another operation, or another server in the credential. Nothing was sent.', itemIndex: options.itemIndex },
		);
	}
	if (!connection.documents(action)) {
		throw new NodeOperationError(
			context.getNode(),
			`${connection.name} does not document the "${action}" action, so this operation is not available there`,
			{ description: 'Pick another operation, or another server in the credential. Nothing was sent.', itemIndex: options.itemIndex },
		);
	}
	return await callProvider(context, {
		providerName: connection.name,
		credentialType: server.credentialType,
		credentials: connection.credentials,
		method: 'GET',
		...endpoint(connection.baseUrl, action, params),
		// The parsers name the server in every message they write.
		interpret: (answer) => interpret(answer, connection.name),
		sentOnce: options.sentOnce,
		secrets: [connection.token],
		itemIndex: options.itemIndex,
	});
}

/** The account balance (USD). */
export async function getBalance(this: ProviderContext, server: ActivationServer, itemIndex?: number): Promise<number> {
	return await call(this, server, 'getBalance', {}, parseBalance, { itemIndex });
}

/** The countries numbers can be bought in. */
export async function getCountries(this: ProviderContext, server: ActivationServer, itemIndex?: number): Promise<Country[]> {
	return await call(this, server, 'getCountries', {}, parseCountries, { itemIndex });
}

/** The services offered in one country. */
export async function getServices(
	this: ProviderContext,
	server: ActivationServer,
	country: string,
	itemIndex?: number,
): Promise<Service[]> {
	return await call(this, server, 'getServices', { country }, parseServices, { itemIndex });
}

/** Every price, one entry per country × service. */
export async function getPrices(this: ProviderContext, server: ActivationServer, itemIndex?: number): Promise<Price[]> {
	return await call(this, server, 'getPrices', {}, parsePrices, { itemIndex });
}

/** The account's active activations. */
export async function getActiveActivations(
	this: ProviderContext,
	server: ActivationServer,
	itemIndex?: number,
): Promise<ActiveActivation[]> {
	return await call(this, server, 'getActiveActivations', {}, parseActiveActivations, { itemIndex });
}

/**
 * Buys a number. Spends money: sent exactly once, never retried, whatever happens to the connection.
 * Where the server documents getNumberV2 (`buysWithV2`), that is the request: the same purchase,
 * answered in JSON with the cost and expiry too.
 */
export async function getNumber(
	this: ProviderContext,
	server: ActivationServer,
	order: { service: string; country: string; priceId?: string },
	itemIndex?: number,
): Promise<PurchasedNumber> {
	const params: IDataObject = { service: order.service, country: order.country };
	if (order.priceId) params.price_id = order.priceId;
	const v2 = (await connect.call(this, server, itemIndex)).buysWithV2;
	return await call(this, server, v2 ? 'getNumberV2' : 'getNumber', params, v2 ? parsePurchaseV2 : parseNumber, {
		sentOnce: {
			action: 'purchase',
			check: 'Check your active numbers (Activation → Get Many, or your account page) before you buy again.',
		},
		itemIndex,
	});
}

/** The status of one activation, with its code once the SMS is here. */
export async function getStatus(
	this: ProviderContext,
	server: ActivationServer,
	activationId: string,
	itemIndex?: number,
): Promise<ActivationStatus> {
	return await call(this, server, 'getStatus', { id: activationId }, parseStatus, { itemIndex });
}

/** Cancels an activation (status 8); the provider refunds its cost minus a fee. */
export async function cancelActivation(
	this: ProviderContext,
	server: ActivationServer,
	activationId: string,
	itemIndex?: number,
): Promise<true> {
	// Not retried: a cancel that reached the server and is sent again would get an error for an
	// activation that is already cancelled, and hide that the first one worked.
	return await call(this, server, 'setStatus', { id: activationId, status: 8 }, parseCancel, {
		sentOnce: {
			action: 'cancel',
			check: 'Check the activation with Get Status: "cancelled" means the cancel went through.',
		},
		itemIndex,
	});
}

/**
 * setStatus 1 (the number is ready: the SMS was requested on the service's side), 3 (ask for another
 * SMS on the same number) or 6 (finish: the code was used). Changes the activation at the server, so it
 * is sent once and never retried; 8 (cancel) is `cancelActivation`.
 */
export async function setActivationStatus(
	this: ProviderContext,
	server: ActivationServer,
	activationId: string,
	status: 1 | 3 | 6,
	itemIndex?: number,
): Promise<SetStatusResult> {
	return await call(
		this,
		server,
		'setStatus',
		{ id: activationId, status },
		(answer, providerName) => parseSetStatus(answer, status, providerName),
		{
			sentOnce: {
				action: `setStatus ${status} (${STATUS_NAMES[status]})`,
				check: 'Check the activation with Get Status before you send it again.',
			},
			itemIndex,
		},
	);
}

/** How many numbers are available per service, in one country (and operator) where given. */
export async function getNumbersStatus(
	this: ProviderContext,
	server: ActivationServer,
	filter: { country?: string; operator?: string },
	itemIndex?: number,
): Promise<NumbersAvailable[]> {
	const params: IDataObject = {};
	if (filter.country) params.country = filter.country;
	if (filter.operator) params.operator = filter.operator;
	return await call(this, server, 'getNumbersStatus', params, parseNumbersStatus, { itemIndex });
}

/** The `provider` of the node's output items: the server the credential points at (`rentVerify`, `heroSms`, …). */
export async function providerOf(this: ProviderContext, server: ActivationServer, itemIndex?: number): Promise<string> {
	return server.connect(await this.getCredentials(server.credentialType, itemIndex)).provider;
}
