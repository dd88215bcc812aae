'use strict';
// sms.online, as docs/research/sms-activate-family.md §6 "sms.online" documents it ([S20][S21][S22]):
// getActiveActivations, getPrices {cost,count}, getStatus (waiting / resend / cancelled / code), and a
// webhook that is never retried.

const { json } = require('../../http');
const { costCountPrices, defineFlavour, referenceWebhookBody } = require('../flavour');
const s = require('../shapes');

module.exports = defineFlavour({
	name: 'smsOnline',
	title: 'sms.online',
	research: 'docs/research/sms-activate-family.md §6 sms.online',
	demoKey: 'smsonline_demo_3d97b0c2f5e18a46',
	// §6 getActiveActivations example id 635468021.
	firstId: 635468021,
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus', 'getPrices', 'getActiveActivations'],
	statuses: [1, 3, 6, 8],
	answers: {
		// §6 sms.online getStatus: waiting / "waiting for SMS to be resent" / cancelled / …$CODE.
		status: s.statusWords({ retry: 'resend', finished: 'ok' }),
		// §6 sms.online getPrices: {"Country":{"Service":{cost,count}}}.
		prices: costCountPrices,
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
		body: referenceWebhookBody,
		attempts: 1,
		retryDelaysMs: [],
		timeoutMs: 10_000,
	},
});
