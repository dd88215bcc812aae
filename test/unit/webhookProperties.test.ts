/**
 * Property tests of the webhook trigger's body reader and delivery memory, with fast-check, in the style
 * of parserProperties.test.ts: 10,000 generated bodies (anything at all, arbitrary text, bytes and JSON,
 * every server's documented body and its mutations, cut-off JSON) for the main property.
 *
 * - readPushedSms never throws; it refuses with a reason, or accepts a body an oracle written from the
 *   documentation calls an SMS (a JSON object with a digits activation ID and a code or a text), with
 *   string ids, a bounded delivery key and an item that survives JSON;
 * - every documented body is accepted, its fields as sent;
 * - the memory emits each delivery once within its window, like an ideal unbounded memory, and stays
 *   within its bounds whatever the traffic.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { deliveryKey, pushedCodeItem, readPushedSms } from '../../nodes/shared/webhook/smsWebhook';
import { SEEN_BUDGET_BYTES, SEEN_MAX, SEEN_TTL_MS, hasSeen, readSeen, withSeen, writeSeen, type SeenEntry } from '../../nodes/shared/webhook/seen';

const RUNS = Number(process.env.FAST_CHECK_RUNS) || 10_000;
const seed = Number(process.env.FAST_CHECK_SEED) || undefined;
const NOW = Date.UTC(2026, 2, 9, 12, 0, 0);

// ---------------------------------------------------------------------------------------------------
// The oracle, from docs/research/sms-activate-family.md ("Webhooks"), independent of the reader.

function asJsonObject(body: unknown): Record<string, unknown> | undefined {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value.replace(/^\uFEFF/, ''));
		} catch {
			return undefined;
		}
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const present = (value: unknown) =>
	(typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));

/** Whether a body may be an SMS push at all: anything else must be refused. */
function mayBeSms(body: unknown): boolean {
	const value = asJsonObject(body);
	if (!value) return false;
	const id = value.activationId;
	const idOk = (typeof id === 'string' && /^\s*\d+\s*$/.test(id)) || (typeof id === 'number' && Number.isInteger(id) && id >= 0);
	return idOk && (present(value.code) || present(value.text));
}

// ---------------------------------------------------------------------------------------------------
// Generators.

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const code = fc.oneof(digits(4, 8), fc.stringMatching(/^[A-Z]-[0-9]{4,6}$/), fc.stringMatching(/^[0-9]{3}-[0-9]{3}$/));
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('Your code is 12345', 'G-276964 is your Google verification code.', 'Telegram code: 54321'));
const service = fc.constantFrom('tg', 'wa', 'go', 'vk', 'fb', 'ot');
const sqlTime = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19).replace('T', ' '));
const isoMicros = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 23)}000Z`);

/** sms-activate, SMSBower, sms.online: a number id, `code` and `text`, a time without a zone. */
const classicBody = fc.record({
	activationId: fc.oneof(fc.nat(), fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER })),
	service,
	text,
	code,
	country: fc.nat({ max: 200 }),
	receivedAt: sqlTime,
});

/** HeroSMS: a string id, `code`/`text` nullable (code may be missing), ISO time, `phoneFrom`. */
const heroBody = fc
	.record(
		{
			activationId: digits(1, 20).filter((id) => id.length > 0),
			service,
			text: fc.option(text, { nil: null }),
			code: fc.option(code, { nil: null }),
			country: fc.nat({ max: 200 }),
			receivedAt: isoMicros,
			phoneFrom: fc.constantFrom('Telegram', 'WhatsApp', 'Google'),
		},
		{ requiredKeys: ['activationId', 'service', 'text', 'country', 'receivedAt'] },
	)
	.filter((body) => present(body.code) || present(body.text));

const documentedBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(classicBody, heroBody);

/** As n8n may hand it over: the raw JSON text, its bytes, or the parsed object. */
const asSent = (body: Record<string, unknown>) =>
	fc.constantFrom<unknown>(JSON.stringify(body), Buffer.from(JSON.stringify(body)), body, ` \n${JSON.stringify(body, null, 2)}\n`);

const FIELDS = ['activationId', 'service', 'text', 'code', 'country', 'receivedAt', 'phoneFrom'];

/** A documented body with one field dropped, replaced by any JSON value, or the text cut off. */
const mutatedBody: fc.Arbitrary<unknown> = fc.oneof(
	fc.tuple(documentedBody, fc.constantFrom(...FIELDS)).map(([body, field]) => {
		const copy = { ...body };
		delete copy[field];
		return copy;
	}),
	fc.tuple(documentedBody, fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 3 })).map(([body, field, value]) => ({ ...body, [field]: value })),
	fc.tuple(documentedBody, fc.nat()).map(([body, cut]) => {
		const json = JSON.stringify(body);
		return json.slice(0, cut % (json.length + 1));
	}),
	fc.tuple(documentedBody, fc.integer({ min: 2 ** 53, max: 2 ** 62 })).map(([body]) => `${JSON.stringify({ ...body, activationId: 0 }).replace('"activationId":0', '"activationId":98765432109876543210')}`),
);

const anyBody: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: documentedBody.chain(asSent), weight: 3 },
	{ arbitrary: mutatedBody, weight: 4 },
	{ arbitrary: fc.anything({ maxDepth: 4 }), weight: 2 },
	{ arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)), weight: 2 },
	{ arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
	{ arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
	{ arbitrary: fc.nat({ max: 200 }).map((depth) => `{"activationId":1,"code":"1","x":${'['.repeat(depth)}${']'.repeat(depth)}}`), weight: 1 },
);

const describeBody = (body: unknown) => (Buffer.isBuffer(body) ? `Buffer(${body.toString('utf8').slice(0, 300)})` : JSON.stringify(body)?.slice(0, 300));

describe('readPushedSms', () => {
	it(`never throws; refuses with a reason, or accepts only an SMS push with string ids, a bounded key and an item that survives JSON (${RUNS} inputs)`, () => {
		fc.assert(
			fc.property(anyBody, fc.constantFrom('heroSms', 'smsBower', 'smsOnline', 'smsActivate'), (body, provider) => {
				let reading: ReturnType<typeof readPushedSms>;
				try {
					reading = readPushedSms(body);
				} catch (error) {
					throw new Error(`threw ${String(error)} for ${describeBody(body)}`);
				}
				if (!reading.ok) {
					if (typeof reading.reason !== 'string' || reading.reason.length === 0) throw new Error(`no reason for ${describeBody(body)}`);
					return true;
				}
				const { sms } = reading;
				if (!mayBeSms(body)) throw new Error(`accepted a body that is not an SMS push: ${describeBody(body)}`);
				if (!/^\d{1,32}$/.test(sms.activationId)) throw new Error(`activation ID ${sms.activationId}`);
				for (const field of ['code', 'codeAsSent', 'text', 'service', 'country', 'sender', 'receivedAt', 'receivedAtOriginal'] as const) {
					if (sms[field] !== null && typeof sms[field] !== 'string') throw new Error(`${field} is ${typeof sms[field]}`);
				}
				if (sms.codeAsSent === null && sms.text === null) throw new Error('neither code nor text');
				if (sms.codeAsSent !== null && sms.code !== (sms.codeAsSent.replace(/\D/g, '') || sms.codeAsSent)) throw new Error(`code ${sms.code} of ${sms.codeAsSent}`);
				if (sms.receivedAt !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(sms.receivedAt)) throw new Error(`receivedAt ${sms.receivedAt}`);
				if (!/^[A-Za-z0-9_.:+#-]{3,35}$/.test(deliveryKey(sms))) throw new Error(`key ${deliveryKey(sms)}`);
				const item = pushedCodeItem(provider, sms, NOW);
				if (item.eventId !== `${provider}:${sms.activationId}:${sms.token}`) throw new Error(`eventId ${String(item.eventId)}`);
				if (item.id !== sms.activationId || item.provider !== provider) throw new Error('id or provider');
				if (Number.isNaN(Date.parse(String(item.receivedAt)))) throw new Error(`item receivedAt ${String(item.receivedAt)}`);
				const json = JSON.stringify(item);
				if (JSON.stringify(JSON.parse(json)) !== json || Object.values(item).includes(undefined)) throw new Error(`item does not survive JSON: ${json}`);
				return true;
			}),
			{ numRuns: RUNS, seed },
		);
	});

	it('accepts every documented body, however n8n hands it over, with its fields as sent', () => {
		fc.assert(
			fc.property(documentedBody.chain((body) => fc.tuple(fc.constant(body), asSent(body))), ([body, sent]) => {
				const reading = readPushedSms(sent);
				if (!reading.ok) throw new Error(`refused (${reading.reason}): ${describeBody(sent)}`);
				const { sms } = reading;
				expect(sms.activationId).toBe(String(body.activationId));
				expect(sms.service).toBe(body.service);
				expect(sms.country).toBe(String(body.country));
				expect(sms.codeAsSent).toBe(present(body.code) ? String(body.code).trim() : null);
				expect(sms.text).toBe(present(body.text) ? body.text : null);
				expect(sms.receivedAtOriginal).toBe(body.receivedAt);
				// HeroSMS gives its zone; the others do not, and their time is never guessed.
				expect(sms.receivedAt).toBe(String(body.receivedAt).endsWith('Z') ? new Date(String(body.receivedAt).slice(0, 23) + 'Z').toISOString() : null);
				return true;
			}),
			{ numRuns: 2_000, seed },
		);
	});

	it('refuses a body whose activation ID or content is missing or of the wrong kind', () => {
		const wrongId = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.double({ min: -1e6, max: -0.1 }), fc.constant(1.5), fc.stringMatching(/^[a-z]{1,8}$/), fc.array(fc.nat(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
		fc.assert(
			fc.property(documentedBody, wrongId, (body, id) => {
				const reading = readPushedSms(JSON.stringify({ ...body, activationId: id }));
				return !reading.ok && /activationId/.test(reading.reason);
			}),
			{ numRuns: 1_000, seed },
		);
		fc.assert(
			fc.property(documentedBody, fc.constantFrom(null, '', '  '), fc.constantFrom(null, '', ' \n'), (body, noCode, noText) => {
				const reading = readPushedSms({ ...body, code: noCode, text: noText });
				return !reading.ok && /neither a code nor a text/.test(reading.reason);
			}),
			{ numRuns: 500, seed },
		);
	});
});

// ---------------------------------------------------------------------------------------------------
// The memory: each delivery once within its window; always within bounds.

/** A delivery: which key (from a small pool, so repeats are frequent) and how many seconds after the last. */
const delivery = fc.record({ key: fc.nat({ max: 40 }), gapSeconds: fc.oneof(fc.nat({ max: 30 }), fc.nat({ max: 7_200 }), fc.nat({ max: 2 * 86_400 })) });

describe('the memory of emitted deliveries', () => {
	it('emits each delivery once within its window, as an unbounded memory would, while fewer than SEEN_MAX keys are new in that window', () => {
		fc.assert(
			fc.property(fc.array(delivery, { minLength: 1, maxLength: 120 }), (deliveries) => {
				const data: IDataObject = {};
				const lastEmitted = new Map<number, number>(); // the ideal memory: key → second it was emitted
				let now = NOW;
				for (const { key, gapSeconds } of deliveries) {
					now += gapSeconds * 1000;
					const name = `6354680${key}:12345`;
					const seen = readSeen(data, now);
					const emit = !hasSeen(seen, name);
					const previous = lastEmitted.get(key);
					const ideal = previous === undefined || previous < Math.floor(now / 1000) - SEEN_TTL_MS / 1000;
					if (emit !== ideal) throw new Error(`key ${key} at +${(now - NOW) / 1000} s: emitted ${emit}, ideal ${ideal}`);
					if (emit) {
						writeSeen(data, withSeen(seen, name, now));
						lastEmitted.set(key, Math.floor(now / 1000));
					}
					// n8n stores static data as JSON between deliveries.
					Object.assign(data, JSON.parse(JSON.stringify(data)));
				}
				return true;
			}),
			{ numRuns: 2_000, seed },
		);
	});

	it(`stays within ${SEEN_MAX} keys and ${SEEN_BUDGET_BYTES} bytes of JSON whatever is delivered`, () => {
		const anyKey = fc.record({ activationId: digits(1, 32).filter((id) => id !== ''), token: fc.string({ minLength: 1, maxLength: 300 }) }).map(deliveryKey);
		fc.assert(
			fc.property(fc.array(fc.tuple(anyKey, fc.nat({ max: 600 })), { minLength: SEEN_MAX - 50, maxLength: SEEN_MAX + 100 }), (keys) => {
				let seen: SeenEntry[] = [];
				let now = NOW;
				for (const [key, gap] of keys) {
					now += gap * 1000;
					seen = withSeen(seen, key, now);
				}
				const data: IDataObject = {};
				writeSeen(data, seen);
				return seen.length <= SEEN_MAX && Buffer.byteLength(JSON.stringify(data)) <= SEEN_BUDGET_BYTES && hasSeen(seen, keys[keys.length - 1][0]);
			}),
			{ numRuns: 50, seed },
		);
	});
});
