/**
 * The output contract of every node and trigger (README "Output"), written once. The same field means
 * the same thing everywhere:
 * - `id`: the number's ID at its provider (RentVerify: the activation ID; OTPVerified: the rental's
 *   order ID), in the action nodes and the triggers alike;
 * - `code`: the verification code to type in, digits only (`G-276964` → `276964`; a code with no
 *   digits is kept as sent); `codeAsSent`: the same code exactly as the provider sent it;
 * - `phoneNumber` in E.164, times in ISO-8601 UTC, `cost` in USD; null where the provider does not say;
 * - `raw`: what the provider answered, for anything not mapped.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Rental, RentalMessage } from './transport/otpVerifiedAnswers';
import type { ActivationStatus, ActiveActivation } from './transport/rentVerifyAnswers';

/** The fields every number has, whichever the provider; null where the provider's answer does not say. */
interface NumberOutput extends IDataObject {
	id: string;
	status: string;
	phoneNumber: string | null;
	service: string | null;
	country: string | null;
	code: string | null;
	codeAsSent: string | null;
	cost: number | null;
	expiresAt: string | null;
	raw: IDataObject;
}

type NumberFields<T extends NumberOutput> = Partial<Omit<T, 'provider'>> & { id: string; status: string };

function numberOutput<P extends string>(provider: P, fields: NumberFields<NumberOutput>) {
	const { id, status, ...rest } = fields;
	return {
		provider,
		id,
		status,
		phoneNumber: null,
		service: null,
		country: null,
		code: null,
		codeAsSent: null,
		cost: null,
		expiresAt: null,
		raw: {},
		...rest,
	};
}

/** A number of a server of the sms-activate protocol; `provider` names the server (`rentVerify`, `heroSms`, …). */
export interface ActivationOutput extends NumberOutput {
	provider: string;
}

export interface RentalOutput extends NumberOutput {
	provider: 'otpVerified';
}

export function activationOutput(provider: string, fields: NumberFields<ActivationOutput>): ActivationOutput {
	return numberOutput(provider, fields);
}

export function rentalOutput(fields: NumberFields<RentalOutput>): RentalOutput {
	return numberOutput('otpVerified', fields);
}

/** The statuses of RentVerify's active list, in the words Get Status uses. */
const LIST_STATUS: Record<string, string> = { active: 'waiting', waiting: 'waiting', received: 'received' };

export function activationFromList(provider: string, activation: ActiveActivation): ActivationOutput {
	return activationOutput(provider, {
		id: activation.activationId,
		phoneNumber: activation.phoneNumber,
		service: activation.service,
		country: activation.country,
		status: Object.hasOwn(LIST_STATUS, activation.status.toLowerCase())
			? LIST_STATUS[activation.status.toLowerCase()]
			: activation.status,
		cost: activation.cost,
		expiresAt: activation.expiresAt,
		raw: activation.raw as IDataObject,
	});
}

/**
 * A status answer as output. `STATUS_WAIT_RETRY:{old code}` carries the code already used: it goes to
 * `previousCode`, never to `code`, so nothing downstream takes it for a new one.
 */
export function statusOutput(provider: string, id: string, status: ActivationStatus): ActivationOutput {
	const isRetry = status.status === 'waitingRetry';
	return activationOutput(provider, {
		id,
		status: status.status,
		...(isRetry ? {} : codeFields(status)),
		...(isRetry ? { previousCode: status.code } : {}),
		raw: { answer: status.word },
	});
}

export function rentalFromOrder(rental: Rental): RentalOutput {
	return rentalOutput({
		id: rental.orderId,
		phoneNumber: rental.phoneNumber,
		service: rental.serviceName,
		status: rental.status,
		cost: rental.price,
		expiresAt: rental.expiresAt,
		expiresAtOriginal: rental.expiresAtOriginal,
		purchasedAt: rental.purchasedAt,
		purchasedAtOriginal: rental.purchasedAtOriginal,
		durationDays: rental.durationDays,
		areaCode: rental.areaCode,
		raw: rental.raw as IDataObject,
	});
}

/** `code` and `codeAsSent` of a RentVerify status answer. */
export function codeFields(status: Pick<ActivationStatus, 'code' | 'codeDigits'>) {
	return { code: status.codeDigits ?? status.code, codeAsSent: status.code };
}

/**
 * One SMS of a rental, with the rental's `id`. The provider's `pin` is the code as sent; a message
 * without one gets the code found in its text.
 */
export function messageOutput(message: RentalMessage, orderId = message.orderId): IDataObject {
	return {
		provider: 'otpVerified',
		id: orderId,
		messageId: message.messageId,
		phoneNumber: message.phoneNumber,
		service: message.service,
		sender: message.sender,
		text: message.text,
		code: message.code,
		codeAsSent: message.pin ?? message.code,
		receivedAt: message.receivedAt,
		receivedAtOriginal: message.receivedAtOriginal,
		raw: message.raw as IDataObject,
	};
}
