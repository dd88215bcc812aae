'use strict';
// Onlinesim's "Alternative API", as docs/research/sms-activate-family.md §6 "Onlinesim" documents it
// ([S24][S25][S26]): the key as `api_key` or `Authorization: Bearer`, setStatus 1 / 3 / 6 only (no cancel),
// getStatus / setStatus answers documented only as "string" (the reference words here).

const s = require('../shapes');

module.exports = {
	name: 'onlinesim',
	title: 'Onlinesim (Alternative API)',
	research: 'docs/research/sms-activate-family.md §6 Onlinesim "Alternative API"',
	demoKey: 'onlinesim_demo_a4f2e7c90b6d3158',
	firstId: 81230457,
	// §6 Onlinesim [S25]: the only member with a documented header alternative on the compat endpoint.
	bearer: true,
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus'],
	// §6 Onlinesim [S24]: "Enum: 1 3 6".
	statuses: [1, 3, 6],
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
		status: s.statusWords({ finished: 'ok' }),
		noActivation: () => s.word('NO_ACTIVATION'),
		statusChanged: { 1: s.STATUS_CHANGED[1], 3: s.STATUS_CHANGED[3], 6: s.STATUS_CHANGED[6] },
		badStatus: () => s.word('BAD_STATUS'),
		otpReceived: () => s.word('BAD_STATUS'),
		notActive: () => s.word('BAD_STATUS'),
	},
	// §6 Onlinesim: its webhook belongs to the native API, not to the compat endpoint.
	webhook: null,
};
