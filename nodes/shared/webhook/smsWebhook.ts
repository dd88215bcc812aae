/**
 * The SMS a server of the sms-activate family pushes to its webhook, read strictly and without throwing,
 * and the trigger item made of it. Pure: no n8n, no HTTP, so every rule can be read and tested alone.
 *
 * The documented bodies (docs/research/sms-activate-family.md, "Webhooks"):
 * - sms-activate, SMSBower, sms.online: `{"activationId":123456,"service":"go","text":"Sms text",
 *   "code":"12345","country":2,"receivedAt":"2023-01-01 12:00:00"}` (a number id, a time without a zone);
 * - HeroSMS: `{"activationId":"123456","service":"tg","text":"…"|null,"code":"12345"|null,"country":2,
 *   "receivedAt":"2025-12-16T10:30:00.000000Z","phoneFrom":"Telegram"}` (a string id, ISO time; `code` may be
 *   null or missing, and its example id is a string where its schema says integer).
 * Every shape is accepted whichever server sent it: the differences are within one server's own papers.
 *
 * What a body must have: a JSON object with an activation ID, and a code or a text (the SMS itself).
 * Those fields are read strictly; a descriptive field that cannot be read (`service`, `country`,
 * `receivedAt`, `phoneFrom`) becomes null and stays in `raw`, so a cosmetic oddity never costs a code.
 */
import type { IDataObject } from 'n8n-workflow';

import { activationOutput } from '../output';
import { asId, codeDigits, exceedsJsonDepth, findCodeInText, isPlainObject, parseJsonKeepingIds } from '../normalize';
import { memoKey } from '../trigger/state';

/** Largest body read: a documented one is about 200 bytes; anything near this is not an SMS. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Longest code kept: codes are a few characters; a longer `code` is not one. */
export const MAX_CODE_LENGTH = 256;
/** Longest SMS text kept (a long SMS of ten parts is under 1,600 characters). */
export const MAX_TEXT_LENGTH = 10_000;

/** An SMS pushed to the webhook, as the trigger uses it. */
export interface PushedSms {
	activationId: string;
	/** The code exactly as the server sent it; null when the body had none. */
	codeAsSent: string | null;
	/** The code to type in, digits only: from `code`, else the one found in the text; null when there is none. */
	code: string | null;
	text: string | null;
	service: string | null;
	country: string | null;
	/** `phoneFrom` (HeroSMS): who sent the SMS, e.g. `Telegram`. */
	sender: string | null;
	/** `receivedAt` as sent. */
	receivedAtOriginal: string | null;
	/** `receivedAt` in ISO-8601 UTC, only when it carries its zone (`Z`, `+03:00`); null otherwise. */
	receivedAt: string | null;
	/** What identifies this SMS on its activation: the code as sent, else the code in the text, else the text's key. */
	token: string;
	/** The body as received (long ids kept exact, as strings). */
	raw: IDataObject;
}

export type WebhookReading = { ok: true; sms: PushedSms } | { ok: false; reason: string };

const refuse = (reason: string): WebhookReading => ({ ok: false, reason });

/**
 * The body to read: n8n's raw bytes when they hold JSON (ids past 2^53 stay exact only there), else
 * what n8n parsed (a form body), else the raw text, so the refusal says what came.
 */
export function webhookBodyOf(rawBody: unknown, parsedBody: unknown): unknown {
	const raw = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : typeof rawBody === 'string' ? rawBody : undefined;
	const text = raw?.replace(/^\uFEFF/, '').trim();
	if (text !== undefined && text !== '' && (text.startsWith('{') || text.startsWith('['))) return raw;
	if (isPlainObject(parsedBody) && Object.keys(parsedBody).length > 0) return parsedBody;
	if (raw !== undefined && text !== '') return raw;
	return parsedBody;
}

/** The JSON object a body holds, or why not. */
function jsonObject(body: unknown): { value: Record<string, unknown> } | { reason: string } {
	let value: unknown = body;
	if (Buffer.isBuffer(body)) value = body.toString('utf8');
	if (typeof value === 'string') {
		if (value.length > MAX_BODY_BYTES) return { reason: `the body is larger than ${MAX_BODY_BYTES / 1024} KiB` };
		const text = value.replace(/^\uFEFF/, '').trim();
		if (text === '') return { reason: 'the body is empty' };
		if (exceedsJsonDepth(text)) return { reason: 'the body nests too deeply' };
		try {
			value = parseJsonKeepingIds(text);
		} catch {
			return { reason: 'the body is not JSON' };
		}
	}
	if (value === undefined || value === null) return { reason: 'the body is empty' };
	if (!isPlainObject(value)) return { reason: 'the body is not a JSON object' };
	return { value };
}

/** A text field: a string as sent, a finite number in decimal; null when absent; undefined when unreadable. */
function textField(value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** A descriptive field: its text (trimmed, short) or null. */
function label(value: unknown, max = 200): string | null {
	const text = textField(value);
	if (typeof text !== 'string') return null;
	const trimmed = text.trim();
	// A control character is anything below U+0020 (written without one, as n8n-node's lint wants).
	return trimmed === '' || trimmed.length > max || /[^\u0020-\uffff]/.test(trimmed) ? null : trimmed;
}

/** ISO-8601 with a zone (`Z` or an offset), including HeroSMS's microseconds: its UTC form; else null. */
export function zonedTime(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.exec(value.trim());
	if (!match) return null;
	const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.replace(':', '');
		const hours = Number(digits.slice(1, 3));
		const minutes = Number(digits.slice(3, 5));
		if (hours > 23 || minutes > 59) return null;
		offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
	}
	const wallMs = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, Math.floor(Number(`0${fraction}`) * 1000));
	const wall = new Date(wallMs);
	// Date.UTC rolls impossible dates over (February 30th becomes March 2nd): refuse them instead.
	if (wall.getUTCDate() !== +day || wall.getUTCMonth() !== +month - 1 || +hour > 23 || +minute > 59 || +second > 59) {
		return null;
	}
	const ms = wallMs - offsetMinutes * 60_000;
	return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

/** Reads a pushed body (a string, bytes or an object n8n parsed). Never throws. */
export function readPushedSms(body: unknown): WebhookReading {
	try {
		return read(body);
	} catch {
		return refuse('the body could not be read');
	}
}

function read(body: unknown): WebhookReading {
	const object = jsonObject(body);
	if ('reason' in object) return refuse(object.reason);
	const value = object.value;

	if (value.activationId === undefined || value.activationId === null) return refuse('activationId is missing');
	// Every server of the family numbers its activations: digits, sent as a JSON number or a string.
	const activationId = asId(value.activationId);
	if (activationId === null || !/^\d{1,32}$/.test(activationId)) return refuse('activationId is not an activation ID');

	const sentCode = textField(value.code);
	if (sentCode === undefined) return refuse('code is neither a text nor a number');
	const codeAsSent = sentCode === null || sentCode.trim() === '' ? null : sentCode.trim();
	if (codeAsSent !== null && codeAsSent.length > MAX_CODE_LENGTH) return refuse(`code is longer than ${MAX_CODE_LENGTH} characters`);

	const sentText = textField(value.text);
	if (sentText === undefined) return refuse('text is neither a text nor a number');
	const text = sentText === null || sentText.trim() === '' ? null : sentText;
	if (text !== null && text.length > MAX_TEXT_LENGTH) return refuse(`text is longer than ${MAX_TEXT_LENGTH} characters`);

	if (codeAsSent === null && text === null) return refuse('the body has neither a code nor a text');

	const code = codeAsSent !== null ? (codeDigits(codeAsSent) ?? codeAsSent) : findCodeInText(text);
	const receivedAtOriginal = label(value.receivedAt, 64);
	return {
		ok: true,
		sms: {
			activationId,
			codeAsSent,
			code,
			text,
			service: label(value.service, 64),
			country: label(value.country, 64),
			sender: label(value.phoneFrom),
			receivedAtOriginal,
			receivedAt: zonedTime(receivedAtOriginal),
			token: codeAsSent ?? code ?? memoKey(text as string),
			raw: value as IDataObject,
		},
	};
}

/** The key that tells repeated deliveries of one SMS apart from new ones: activation and code, bounded. */
export function deliveryKey(sms: Pick<PushedSms, 'activationId' | 'token'>): string {
	return `${memoKey(sms.activationId)}:${memoKey(sms.token)}`;
}

/**
 * The trigger item: the number shape of the output contract (README "Output") with the SMS, `eventId`
 * (`<provider>:<id>:<code as sent>`, as the polling trigger writes it) and `receivedAt`: the server's
 * time when it gives its zone, else `now` (when n8n received the push), with the server's text kept in
 * `receivedAtOriginal`. sms-activate, SMSBower and sms.online send a time without a zone and none of
 * them says which zone it is, so it is never guessed.
 */
export function pushedCodeItem(provider: string, sms: PushedSms, now: number): IDataObject {
	return {
		eventId: `${provider}:${sms.activationId}:${sms.token}`,
		...activationOutput(provider, {
			id: sms.activationId,
			status: 'received',
			service: sms.service,
			country: sms.country,
			code: sms.code,
			codeAsSent: sms.codeAsSent,
			raw: sms.raw,
		}),
		text: sms.text,
		sender: sms.sender,
		receivedAt: sms.receivedAt ?? new Date(now).toISOString(),
		receivedAtOriginal: sms.receivedAtOriginal,
	};
}
