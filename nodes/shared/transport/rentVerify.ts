/**
 * RentVerify transport: the only place that knows RentVerify's URLs and answer words.
 * Every call goes through `httpRequestWithAuthentication` with the `rentVerifyApi` credential.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type {
	ActivationStatus,
	ActiveActivation,
	Country,
	Price,
	PurchasedNumber,
	Service,
} from './rentVerifyAnswers';
import {
	PROVIDER,
	parseActiveActivations,
	parseBalance,
	parseCancel,
	parseCountries,
	parseNumber,
	parsePrices,
	parseServices,
	parseStatus,
} from './rentVerifyAnswers';
import type { HttpAnswer, Parsed, ProviderCall, ProviderContext } from './request';
import { callProvider } from './request';

export const RENTVERIFY_CREDENTIAL = 'rentVerifyApi';
export const RENTVERIFY_DEFAULT_BASE_URL = 'https://rentverify.us/api/v1';
const RENTVERIFY_HOST = 'rentverify.us';

/** sms-activate's URL style (`…/handler_api.php?action=getNumber&api_key=…`), used by 365sms-compatible servers. */
export function isHandlerStyle(baseUrl: string): boolean {
	return /\/handler_api\.php$/i.test(baseUrl);
}

/** The URL and query of one action, in the base URL's style. */
export function endpoint(baseUrl: string, action: string, params: IDataObject = {}) {
	const base = baseUrl.trim().replace(/\/+$/, '');
	return isHandlerStyle(base)
		? { url: base, qs: { action, ...params } }
		: { url: `${base}/${action}`, qs: params };
}

interface Connection {
	baseUrl: string;
	token: string;
	credentials: ICredentialDataDecryptedObject;
}

async function connection(this: ProviderContext, itemIndex?: number): Promise<Connection> {
	const credentials = await this.getCredentials(RENTVERIFY_CREDENTIAL, itemIndex);
	const token = String(credentials.token ?? '').trim();
	const baseUrl = String(credentials.baseUrl || RENTVERIFY_DEFAULT_BASE_URL).trim();
	// RentVerify's own tokens are 64 hex characters: refuse anything else before it leaves the machine.
	// Other compatible servers have their own formats, so the check applies to RentVerify's host only.
	let host = '';
	try {
		host = new URL(baseUrl).hostname.toLowerCase();
	} catch {
		throw new NodeOperationError(this.getNode(), `The RentVerify base URL "${baseUrl}" is not a valid URL`, {
			description: `Fix the base URL in the RentVerify credential, e.g. ${RENTVERIFY_DEFAULT_BASE_URL}.`,
			itemIndex,
		});
	}
	if ((host === RENTVERIFY_HOST || host.endsWith(`.${RENTVERIFY_HOST}`)) && !/^[0-9a-f]{64}$/i.test(token)) {
		throw new NodeOperationError(
			this.getNode(),
			`The RentVerify token must be 64 hexadecimal characters; the credential holds ${token.length} characters that are not such a token`,
			{
				description:
					'Copy the token again from your RentVerify account page into the credential. No request was sent.',
				itemIndex,
			},
		);
	}
	return { baseUrl, token, credentials };
}

async function call<T>(
	context: ProviderContext,
	action: string,
	params: IDataObject,
	interpret: (answer: HttpAnswer) => Parsed<T>,
	options: { sentOnce?: ProviderCall<T>['sentOnce']; itemIndex?: number } = {},
): Promise<T> {
	const { baseUrl, token, credentials } = await connection.call(context, options.itemIndex);
	return await callProvider(context, {
		providerName: PROVIDER,
		credentialType: RENTVERIFY_CREDENTIAL,
		credentials,
		method: 'GET',
		...endpoint(baseUrl, action, params),
		interpret,
		sentOnce: options.sentOnce,
		secrets: [token],
		itemIndex: options.itemIndex,
	});
}

/** The account balance (USD). */
export async function getBalance(this: ProviderContext, itemIndex?: number): Promise<number> {
	return await call(this, 'getBalance', {}, parseBalance, { itemIndex });
}

/** The countries numbers can be bought in. */
export async function getCountries(this: ProviderContext, itemIndex?: number): Promise<Country[]> {
	return await call(this, 'getCountries', {}, parseCountries, { itemIndex });
}

/** The services offered in one country. */
export async function getServices(
	this: ProviderContext,
	country: string,
	itemIndex?: number,
): Promise<Service[]> {
	return await call(this, 'getServices', { country }, parseServices, { itemIndex });
}

/** Every price, one entry per country × service. */
export async function getPrices(this: ProviderContext, itemIndex?: number): Promise<Price[]> {
	return await call(this, 'getPrices', {}, parsePrices, { itemIndex });
}

/** The account's active activations. */
export async function getActiveActivations(
	this: ProviderContext,
	itemIndex?: number,
): Promise<ActiveActivation[]> {
	return await call(this, 'getActiveActivations', {}, parseActiveActivations, { itemIndex });
}

/**
 * Buys a number. Spends money: sent exactly once, never retried, whatever happens to the connection.
 */
export async function getNumber(
	this: ProviderContext,
	order: { service: string; country: string; priceId?: string },
	itemIndex?: number,
): Promise<PurchasedNumber> {
	const params: IDataObject = { service: order.service, country: order.country };
	if (order.priceId) params.price_id = order.priceId;
	return await call(this, 'getNumber', params, parseNumber, {
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
	activationId: string,
	itemIndex?: number,
): Promise<ActivationStatus> {
	return await call(this, 'getStatus', { id: activationId }, parseStatus, { itemIndex });
}

/** Cancels an activation (status 8); the provider refunds its cost minus a fee. */
export async function cancelActivation(
	this: ProviderContext,
	activationId: string,
	itemIndex?: number,
): Promise<true> {
	// Not retried: a cancel that reached the server and is sent again would get an error for an
	// activation that is already cancelled, and hide that the first one worked.
	return await call(this, 'setStatus', { id: activationId, status: 8 }, parseCancel, {
		sentOnce: {
			action: 'cancel',
			check: 'Check the activation with Get Status: "cancelled" means the cancel went through.',
		},
		itemIndex,
	});
}
