'use strict';
// sms.online, as docs/research/sms-activate-family.md §6 "sms.online" documents it ([S20][S21][S22]):
// getActiveActivations, getPrices {cost,count}, getStatus (waiting / resend / cancelled / code), and a
// webhook that is never retried.

const { json } = require('../../http');
const s = require('../shapes');

module.exports = {
	name: 'smsOnline',
	title: 'sms.online',
	research: 'docs/research/sms-activate-family.md §6 sms.online',
	demoKey: 'smsonline_demo_3d97b0c2f5e18a46',
	// §6 getActiveActivations example id 635468021.
	firstId: 635468021,
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus', 'getPrices', 'getActiveActivations'],
	statuses: [1, 3, 6, 8],
	earlyCancel: null,
	options: {},
	refusals: {
		errorSql: () => s.word('ERROR_SQL'),
	},
	answers: {
		badKey: () => s.word('BAD_KEY'),
		badAction: () => s.word('BAD_ACTION'),
		balance: (cents) => s.word(`ACCESS_BALANCE:${s.fixed2(cents)}`),
		number: (view) => s.word(`ACCESS_NUMBER:${view.id}:${view.phone}`),
		badService: () => s.word('BAD_SERVICE'),
		badCountry: () => s.word('NO_NUMBERS'),
		noNumbers: () => s.word('NO_NUMBERS'),
		noBalance: () => s.word('NO_BALANCE'),
		// §6 sms.online getStatus: waiting / "waiting for SMS to be resent" / cancelled / …$CODE.
		status: s.statusWords({ retry: 'resend', finished: 'ok' }),
		noActivation: () => s.word('NO_ACTIVATION'),
		statusChanged: s.STATUS_CHANGED,
		badStatus: () => s.word('BAD_STATUS'),
		otpReceived: () => s.word('BAD_STATUS'),
		notActive: () => s.word('BAD_STATUS'),
		// §6 sms.online getPrices: {"Country":{"Service":{cost,count}}}.
		prices: (rows) => json(200, s.nestPrices(rows, (r) => ({ cost: r.cost, count: r.count }))),
		pricesBadFilter: () => json(200, {}),
		// §6 sms.online getActiveActivations (fewer fields than sms-activate's; smsCode an array). Empty: the
		// family's NO_ACTIVATIONS error (§0 [S31]).
		active(views, opts) {
			if (views.length === 0) return json(200, { status: 'error', error: 'NO_ACTIVATIONS' });
			return json(200, {
				status: 'success',
				activeActivations: views.map((v) => ({
					activationId: v.id,
					countryCode: String(v.country),
					countryName: v.countryName,
					serviceCode: v.service,
					phoneNumber: opts.maskActivePhones ? s.mask(v.phone) : v.phone,
					activationCost: v.cost,
					activationStatus: '4',
					smsCode: v.code === null ? null : v.codes.map((c) => c.code),
					activationTime: s.sqlTime(v.createdAt),
				})),
			});
		},
	},
	// §6 sms.online Webhook [S22]: sms-activate's body; "If the server does not receive a 200 response, it will
	// not attempt to resend the request".
	webhook: {
		body: (view, sms) => ({
			activationId: Number(view.id),
			service: view.service,
			text: sms.text,
			code: sms.code,
			country: view.country,
			receivedAt: s.sqlTime(sms.at),
		}),
		attempts: 1,
		retryDelaysMs: [],
		timeoutMs: 10_000,
	},
};
