'use strict';
// sms-man, as docs/research/sms-activate-family.md §6 "sms-man" documents it ([S23]): getBalance,
// getNumber and getPrices (cost a string); the other core actions follow the reference (§0).

const { json } = require('../../http');
const s = require('../shapes');

module.exports = {
	name: 'smsMan',
	title: 'sms-man',
	research: 'docs/research/sms-activate-family.md §6 sms-man',
	demoKey: 'smsman_demo_c6a1f4e08b37d925',
	firstId: 907311452,
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus', 'getPrices'],
	statuses: [1, 3, 6, 8],
	earlyCancel: null,
	options: {},
	refusals: {
		errorSql: () => s.word('ERROR_SQL'),
	},
	answers: {
		badKey: () => s.word('BAD_KEY'),
		badAction: () => s.word('BAD_ACTION'),
		// §6 sms-man: ACCESS_BALANCE:$balance.
		balance: (cents) => s.word(`ACCESS_BALANCE:${s.fixed2(cents)}`),
		// §6 sms-man: ACCESS_NUMBER:$id:$number.
		number: (view) => s.word(`ACCESS_NUMBER:${view.id}:${view.phone}`),
		badService: () => s.word('BAD_SERVICE'),
		badCountry: () => s.word('NO_NUMBERS'),
		noNumbers: () => s.word('NO_NUMBERS'),
		noBalance: () => s.word('NO_BALANCE'),
		status: s.statusWords({ finished: 'ok' }),
		noActivation: () => s.word('NO_ACTIVATION'),
		statusChanged: s.STATUS_CHANGED,
		badStatus: () => s.word('BAD_STATUS'),
		otpReceived: () => s.word('BAD_STATUS'),
		notActive: () => s.word('BAD_STATUS'),
		// §6 sms-man getPrices: {"0":{"vk":{"cost":"15","count":6455}}}, cost a string.
		prices: (rows) => json(200, s.nestPrices(rows, (r) => ({ cost: String(r.cost), count: r.count }))),
		pricesBadFilter: () => json(200, {}),
	},
	// §6 sms-man: webhook not found.
	webhook: null,
};
