'use strict';
// sms-activate, the reference server of the family (closed on 29 Dec 2025), as
// docs/research/sms-activate-family.md §0 documents it ([S1][S2][S3][S31]). Plain words with HTTP 200,
// JSON for the catalog, V2 actions and the active list. Its plain words are the builder's reference
// (../flavour.js); what is listed here is the rest of §0.

const { json } = require('../../http');
const { defineFlavour, referenceNumberV2, referenceWebhookBody } = require('../flavour');
const s = require('../shapes');

module.exports = defineFlavour({
	name: 'smsActivate',
	title: 'sms-activate',
	research: 'docs/research/sms-activate-family.md §0 sms-activate (reference, closed)',
	demoKey: 'sa_demo_4f0c2b9e1d7a6358c0e4b2a9',
	// §0 getNumberV2 example id 635468024.
	firstId: 635468024,
	// §0: actions of the table; anything else is BAD_ACTION (§0 getNumber/getStatus error lists).
	actions: ['getBalance', 'getNumber', 'getNumberV2', 'getStatus', 'getStatusV2', 'setStatus', 'getPrices', 'getCountries', 'getActiveActivations', 'getNumbersStatus'],
	// §0 setStatus: 3, 6, 8, and 1 "inform that SMS has been sent (optional)".
	statuses: [1, 3, 6, 8],
	// §0 setStatus: EARLY_CANCEL_DENIED, "not allowed … within first 2 minutes".
	earlyCancel: { documentedMs: 120_000 },
	options: {
		// §0 [S1]: `ACCESS_BALANCE: 'account balance'`, `STATUS_WAIT_RETRY: 'past, unmatched code'`, `STATUS_OK: 'activation code'`.
		quoted: { default: false, values: [false, true] },
		// §0 getNumbersStatus: older pages `{"vk_0":76,…}` (suffix = forwarding), later page `{"wa":90,…}`.
		numbersStatus: { default: 'suffixed', values: ['suffixed', 'plain'] },
	},
	// §0 getNumber errors (each answers the next getNumber / getNumberV2 when a test asks for it).
	refusals: {
		banned: (opts, now) => s.word(`BANNED:'${s.banTime(now + 3600_000)}'`),
		channelsLimit: () => s.word('CHANNELS_LIMIT'),
		wrongExceptionPhone: () => s.word('WRONG_EXCEPTION_PHONE'),
		errorSql: () => s.word('ERROR_SQL'),
	},
	answers: {
		// §0 getBalance.
		balance: (cents, opts) => s.word(s.withValue('ACCESS_BALANCE', s.fixed2(cents), opts.quoted)),
		// §0 getNumber.
		wrongMaxPrice: (minDollars) => s.word(`WRONG_MAX_PRICE:${minDollars}`),
		// §0 getNumberV2: ORDER_ALREADY_EXISTS with the `orderId` idempotency parameter.
		orderAlreadyExists: () => s.word('ORDER_ALREADY_EXISTS'),
		numberV2: referenceNumberV2,
		// §0 getStatus; STATUS_CANCEL is "canceled or completed", so a finished activation answers it too.
		status: s.statusWords({ quoted: ['STATUS_OK', 'STATUS_WAIT_RETRY'], finished: 'cancel' }),
		// §0 setStatus: WRONG_ACTIVATION_ID (taken here for an id that is not a number).
		wrongActivationId: () => s.word('WRONG_ACTIVATION_ID'),
		// §0 getStatusV2: {verificationType (0 SMS), sms{dateTime,code,text}, call{…}}; plain STATUS_CANCEL when over.
		statusV2(view) {
			if (view.state === 'cancelled' || view.state === 'expired' || view.state === 'finished') return s.word('STATUS_CANCEL');
			const sms = view.code === null ? null : { dateTime: s.sqlTime(view.codeAt), code: view.code, text: view.text };
			return json(200, { verificationType: 0, sms, call: null });
		},
		// §0 setStatus refusals.
		earlyCancelDenied: () => s.word('EARLY_CANCEL_DENIED'),
		// §0 getPrices: {"Country":{"Service":{cost,count,physicalCount}}}; empty object when nothing.
		prices: (rows) => json(200, s.nestPrices(rows, (r) => ({ cost: r.cost, count: r.count, physicalCount: r.physicalCount }))),
		pricesBadFilter: () => json(200, {}),
		// §0 getCountries: object keyed by id.
		countries: (list) =>
			json(
				200,
				Object.fromEntries(
					list.map((c) => [c.id, { id: c.id, rus: c.rus, eng: c.eng, chn: c.chn, visible: 1, retry: 1, rent: 1, multiService: 1 }]),
				),
			),
		// §0 getActiveActivations; empty: the live `{"status":"error","error":"NO_ACTIVATIONS"}` [S31].
		active(views, opts) {
			if (views.length === 0) return json(200, { status: 'error', error: 'NO_ACTIVATIONS' });
			return json(200, {
				status: 'success',
				activeActivations: views.map((v) => ({
					activationId: v.id,
					serviceCode: v.service,
					phoneNumber: opts.maskActivePhones ? s.mask(v.phone) : v.phone,
					activationCost: v.cost,
					activationStatus: '4',
					smsCode: v.code === null ? null : v.codes.map((c) => c.code),
					smsText: s.smsTextList(v),
					activationTime: s.sqlTime(v.createdAt),
					discount: '0.00',
					repeated: '0',
					countryCode: String(v.country),
					countryName: v.countryName,
					canGetAnotherSms: '1',
					currency: 840,
				})),
			});
		},
		// §0 getNumbersStatus.
		numbersStatus: (counts, opts) =>
			json(200, Object.fromEntries(Object.entries(counts).map(([svc, n]) => [opts.numbersStatus === 'plain' ? svc : `${svc}_0`, n]))),
	},
	// §0 Webhook [S2][S3]: POST JSON, expects 200, "within 2 hours, but no more than 8 times". The spacing is
	// not documented: the simulator spreads the 7 retries evenly over the 2 hours (scaled down for tests).
	webhook: {
		body: referenceWebhookBody,
		attempts: 8,
		retryDelaysMs: Array(7).fill(Math.round((2 * 3600_000) / 7)),
		timeoutMs: 10_000,
	},
});
