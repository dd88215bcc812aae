'use strict';
// HeroSMS, sms-activate's successor, as docs/research/sms-activate-family.md §1 documents it ([S4][S5][S6][S7][S8]):
// the sms-activate actions at the same path, but real HTTP statuses with a JSON error envelope
// {"title","details","info"}, while some legacy answers stay plain text with 200.

const { json } = require('../../http');
const { defineFlavour } = require('../flavour');
const s = require('../shapes');

/** §1 getNumber: 403 BANNED with info.scope, banned_until, retry_after_seconds, readable_date. */
function banned(now) {
	const until = now + 3600_000;
	return s.heroError(403, 'BANNED', 'Account is banned', {
		scope: 'global',
		banned_until: s.isoOffset(until),
		retry_after_seconds: 3600,
		readable_date: s.sqlTime(until),
	});
}

const activeItem = (v, opts) => ({
	activationId: v.id,
	serviceCode: v.service,
	phoneNumber: opts.maskActivePhones ? s.mask(v.phone) : v.phone,
	activationCost: v.cost,
	activationStatus: '4',
	// §1 getActiveActivations: smsCode a string here (an array at sms-activate).
	smsCode: v.code,
	smsText: v.text,
	activationTime: s.sqlTime(v.createdAt),
	discount: '0.00',
	repeated: '0',
	countryCode: String(v.country),
	countryName: v.countryName,
	canGetAnotherSms: '1',
	currency: 840,
});

module.exports = defineFlavour({
	name: 'heroSms',
	title: 'HeroSMS',
	research: 'docs/research/sms-activate-family.md §1 HeroSMS (successor)',
	demoKey: 'hero_demo_8c41e07b52d9a6f3e1b0c7d2',
	// §1 getStatusV2 live example id 3416693217: above 2^31, as HeroSMS ids are.
	firstId: 3416693217,
	actions: [
		'getBalance',
		'getNumber',
		'getNumberV2',
		'getStatus',
		'getStatusV2',
		'setStatus',
		// §1: finishActivation / cancelActivation answer HTTP 204 with an empty body.
		'finishActivation',
		'cancelActivation',
		'getPrices',
		'getCountries',
		'getActiveActivations',
		// §1: not in the spec, live `{service:count}` with `country` required.
		'getNumbersStatus',
		// §1 "other": getServicesList, getOperators.
		'getServicesList',
		'getOperators',
	],
	// §1 setStatus: enum 3 / 6 / 8 only (1 → 400 BAD_STATUS); ACCESS_RETRY_GET, ACCESS_ACTIVATION, ACCESS_CANCEL.
	statuses: [3, 6, 8],
	// §1 setStatus: 409 EARLY_CANCEL_DENIED with info.minActivationTime:120.
	earlyCancel: { documentedMs: 120_000 },
	options: {
		// §1 getCountries: live object keyed by id (with `rent`), docs an array.
		countries: { default: 'object', values: ['object', 'array'] },
		// §1 getPrices: the object, or (older transcription) wrapped in a one-element array.
		prices: { default: 'object', values: ['object', 'array'] },
		// §1 getActiveActivations: spec `data:[…]`, an older client typing `activeActivations:[…]` [S7].
		activeList: { default: 'data', values: ['data', 'activeActivations'] },
		// §1 getStatusV2: current spec and live `{verificationType:"sms",data:{…}}`, older spec sms-activate's shape.
		statusV2: { default: 'current', values: ['current', 'legacy'] },
		// §1 getStatus documents both STATUS_WAIT_RETRY:<code> and STATUS_WAIT_RESEND.
		retryWord: { default: 'retry', values: ['retry', 'resend'] },
	},
	// §1 getNumber's 403/422/500 envelopes.
	refusals: {
		channelsLimit: () => s.heroError(403, 'CHANNELS_LIMIT', 'Channels limit reached', { current_threads: 10, max_allowed: 10 }),
		banned: (opts, now) => banned(now),
		serviceNotAvailable: () => s.heroError(403, 'SERVICE_NOT_AVAILABLE', 'Service is not available'),
		accountInactive: () => s.heroError(403, 'ACCOUNT_INACTIVE', 'Account is inactive'),
		unprocessable: () => s.heroError(422, 'UNPROCESSABLE_ENTITY', 'The given data was invalid'),
		serverError: () => s.heroError(500, 'SERVER_ERROR', 'Internal Server Error'),
	},
	answers: {
		// §1 getBalance errors: 401 BAD_KEY, 404 BAD_ACTION ("Method Not Found").
		badKey: () => s.heroError(401, 'BAD_KEY', 'Invalid API key'),
		badAction: () => s.heroError(404, 'BAD_ACTION', 'Method Not Found'),
		// §1 getBalance: `ACCESS_BALANCE:100.5`.
		balance: (cents) => s.word(`ACCESS_BALANCE:${s.short(cents)}`),
		// §1 getNumber: the reference's ACCESS_NUMBER. Live, an invalid service is HTTP 200 plain
		// `UNPROCESSABLE_ENTITY:service:INVALID` (the same form is assumed for an unknown country).
		badService: () => s.word('UNPROCESSABLE_ENTITY:service:INVALID'),
		badCountry: () => s.word('UNPROCESSABLE_ENTITY:country:INVALID'),
		// §1 getNumber: NO_NUMBERS is the reference's HTTP 200 plain text; 402 NO_BALANCE; 400 WRONG_MAX_PRICE (info.min).
		noBalance: () => s.heroError(402, 'NO_BALANCE', 'Insufficient balance'),
		wrongMaxPrice: (minDollars) => s.heroError(400, 'WRONG_MAX_PRICE', 'The maximum price is too low', { min: minDollars }),
		// §1 getNumberV2.
		numberV2: (view) =>
			json(200, {
				activationId: view.id,
				phoneNumber: view.phone,
				activationCost: view.cost,
				currency: 840,
				countryCode: view.country,
				countryPhoneCode: view.countryPhoneCode,
				canGetAnotherSms: true,
				activationTime: s.isoOffset(view.createdAt),
				activationEndTime: s.isoOffset(view.expiresAt),
				activationOperator: view.operator,
			}),
		// §1 getStatus: the reference's STATUS_WAIT_CODE, STATUS_WAIT_RETRY:<code>, STATUS_WAIT_RESEND, STATUS_CANCEL,
		// STATUS_OK:<code>.
		// §1 getStatus / setStatus: 404 NOT_FOUND ("Activation Not Found").
		noActivation: () => s.heroError(404, 'NOT_FOUND', 'Activation Not Found'),
		// §1 getStatusV2.
		statusV2(view, opts) {
			if (view.state === 'cancelled' || view.state === 'expired') return s.word('STATUS_CANCEL');
			if (opts.statusV2 === 'legacy') {
				const sms = view.code === null ? null : { dateTime: s.sqlTime(view.codeAt), code: view.code, text: view.text };
				return json(200, { verificationType: 0, sms, call: null });
			}
			return json(200, {
				verificationType: 'sms',
				data: {
					id: view.id,
					phoneFrom: view.code === null ? null : view.serviceName,
					code: view.code,
					text: view.text,
					service: view.service,
					// The live example carries Moscow time: "2026-02-16T12:36:59+03:00".
					date: view.code === null ? null : s.isoOffset(view.codeAt, 3),
					type: 'sms',
				},
			});
		},
		// §1 finishActivation / cancelActivation: HTTP 204, empty body.
		actionDone: () => ({ status: 204, headers: {}, body: '' }),
		// §1 setStatus refusals.
		badStatus: () => s.heroError(400, 'BAD_STATUS', 'Invalid status'),
		earlyCancelDenied: (seconds) =>
			s.heroError(409, 'EARLY_CANCEL_DENIED', 'Activation cannot be cancelled yet', { minActivationTime: seconds }),
		otpReceived: () => s.heroError(409, 'OTP_RECEIVED', 'The activation has already received an SMS'),
		notActive: () => s.heroError(409, 'ACTIVATION_NOT_ACTIVE', 'The activation is not active'),
		// §1 getPrices: {country:{service:{cost,count,physicalCount}}}; bad filter → {"status":"false","msg":"service is incorrect"}.
		prices(rows, opts) {
			const nested = s.nestPrices(rows, (r) => ({ cost: r.cost, count: r.count, physicalCount: r.physicalCount }));
			return json(200, opts.prices === 'array' ? [nested] : nested);
		},
		pricesBadFilter: (field) => json(200, { status: 'false', msg: `${field} is incorrect` }),
		// §1 getCountries.
		countries(list, opts) {
			const entry = (c) => ({ id: c.id, rus: c.rus, eng: c.eng, chn: c.chn, visible: 1, retry: 1 });
			if (opts.countries === 'array') return json(200, list.map(entry));
			return json(200, Object.fromEntries(list.map((c) => [c.id, { ...entry(c), rent: 1 }])));
		},
		// §1 getActiveActivations (`start`, `limit` ≤ 100). Empty: the family's NO_ACTIVATIONS error (§0 [S31];
		// HeroSMS does not document its empty answer).
		active(views, opts, query) {
			if (views.length === 0) return json(200, { status: 'error', error: 'NO_ACTIVATIONS' });
			const start = Math.max(0, Number.parseInt(query.start ?? '0', 10) || 0);
			const limit = Math.min(100, Math.max(1, Number.parseInt(query.limit ?? '100', 10) || 100));
			const page = views.slice(start, start + limit).map((v) => activeItem(v, opts));
			return json(200, { status: 'success', [opts.activeList]: page });
		},
		// §1 getNumbersStatus (live): `{service:count}`, `country` required (its error is not documented; a 422
		// envelope is assumed).
		numbersStatus(counts, opts, query) {
			if (query.country === undefined) return s.heroError(422, 'UNPROCESSABLE_ENTITY', 'The country field is required');
			return json(200, counts);
		},
		// §1 "other": getServicesList, getOperators.
		servicesList: (services) => json(200, { status: 'success', services }),
		operators: (byCountry) => json(200, { status: 'success', countryOperators: byCountry }),
	},
	// §1 Webhook [S4][S5][S8]: POST JSON, 200 within 3 s, "at least 7" retries 20–30 s apart over ≥ 3 min.
	// The body of the newer spec (string id, ISO time with microseconds, `phoneFrom`).
	webhook: {
		body: (view, sms) => ({
			activationId: view.id,
			service: view.service,
			text: sms.text,
			code: sms.code,
			country: view.country,
			receivedAt: s.isoMicros(sms.at),
			phoneFrom: view.serviceName,
		}),
		attempts: 8,
		retryDelaysMs: Array(7).fill(25_000),
		timeoutMs: 3_000,
	},
	// §1 getNumber: 500 SERVER_ERROR; a status fault on HeroSMS answers in its envelope.
	faultStatus: (status, message) =>
		s.heroError(status, status === 500 ? 'SERVER_ERROR' : message.toUpperCase().replace(/\W+/g, '_'), message),
});
