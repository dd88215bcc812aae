'use strict';
// SMSBower, as docs/research/sms-activate-family.md §5 documents it ([S16][S17][S18][S19]): plain words,
// getNumberV2 without currency, getPrices {cost,count} (plus the V2 / V3 price ladders), getCountries with
// string ids, EARLY_CANCEL_DENIED, a webhook retried twice. Option `live` switches to what a client observed
// live [S18] where it differs from the docs: 401 JSON for a bad key, WRONG_SERVICE, {"error":"Bad service"}.

const { json } = require('../../http');
const { costCountPrices, defineFlavour, referenceWebhookBody } = require('../flavour');
const s = require('../shapes');

/** The one upstream provider every offer comes from in the simulator (getPricesV3's `provider_id`). */
const PROVIDER_ID = 2;

module.exports = defineFlavour({
	name: 'smsBower',
	title: 'SMSBower',
	research: 'docs/research/sms-activate-family.md §5 SMSBower',
	demoKey: 'smsbower_demo_61f8a3d0c2e49b75',
	firstId: 2147483901,
	// §5: getActiveActivations and getNumbersStatus are not documented (live BAD_ACTION [S18]).
	actions: ['getBalance', 'getNumber', 'getNumberV2', 'getStatus', 'setStatus', 'getPrices', 'getPricesV2', 'getPricesV3', 'getCountries'],
	// §5 setStatus: 1, 3, 6, 8.
	statuses: [1, 3, 6, 8],
	// §5 setStatus: EARLY_CANCEL_DENIED (2 minutes).
	earlyCancel: { documentedMs: 120_000 },
	options: {
		// §5 getStatus (later page): `STATUS_OK: 'activation code'`.
		quoted: { default: false, values: [false, true] },
		// §5 getStatus: the later page's STATUS_WAIT_RETRY:$lastCode, the older page's STATUS_WAIT_RESEND.
		retryWord: { default: 'retry', values: ['retry', 'resend'] },
		// §5: the live observations of [S18] instead of the docs where they differ.
		live: { default: false, values: [false, true] },
	},
	answers: {
		// §5 getBalance: BAD_KEY (live: HTTP 401 {"status":0,"message":"No access","data":[]}).
		badKey: (opts) => (opts.live ? json(401, { status: 0, message: 'No access', data: [] }) : s.word('BAD_KEY')),
		// §5 getBalance: the reference's ACCESS_BALANCE:$yourBalance.
		// §5 getNumber: the reference's ACCESS_NUMBER:$activationId:$phoneNumber; BAD_SERVICE (live WRONG_SERVICE).
		badService: (opts) => s.word(opts.live ? 'WRONG_SERVICE' : 'BAD_SERVICE'),
		// §5 getNumberV2: activationId a string, phoneNumber a number, no currency.
		numberV2: (view) =>
			json(200, {
				activationId: view.id,
				phoneNumber: Number(view.phone),
				activationCost: view.cost,
				countryCode: String(view.country),
				canGetAnotherSms: '1',
				activationTime: s.sqlTime(view.createdAt),
				activationOperator: view.operator,
			}),
		// §5 getStatus.
		status: s.statusWords({ quoted: ['STATUS_OK'], finished: 'ok' }),
		// §5 setStatus answers and errors: the reference's, and EARLY_CANCEL_DENIED.
		earlyCancelDenied: () => s.word('EARLY_CANCEL_DENIED'),
		// §5 getPrices: {"Country":{"Service":{cost,count}}}; live bad filter: 200 {"error":"Bad service"}.
		prices: costCountPrices,
		pricesBadFilter: (field, opts) => json(200, opts.live ? { error: `Bad ${field}` } : {}),
		// §5 getPricesV2 {country:{service:{"<price>":count}}} and getPricesV3 {country:{service:{"<providerId>":{count,price,provider_id}}}}.
		pricesV2: (rows) => json(200, s.nestPrices(rows, (r) => ({ [String(r.cost)]: r.count }))),
		pricesV3: (rows) =>
			json(200, s.nestPrices(rows, (r) => ({ [PROVIDER_ID]: { count: r.count, price: r.cost, provider_id: PROVIDER_ID } }))),
		// §5 getCountries (live; the doc example is not valid JSON): {id:{id:"<string>",rus,eng,chn}}, no flags.
		countries: (list) => json(200, Object.fromEntries(list.map((c) => [c.id, { id: String(c.id), rus: c.rus, eng: c.eng, chn: c.chn }]))),
	},
	// §5 Webhook [S17]: sms-activate's body; 200 expected; "2 retry requests … after 1 minute and then after 5 minutes".
	webhook: {
		body: referenceWebhookBody,
		attempts: 3,
		retryDelaysMs: [60_000, 300_000],
		timeoutMs: 10_000,
	},
});
