'use strict';
// Onlinesim's "Alternative API", as docs/research/sms-activate-family.md §6 "Onlinesim" documents it
// ([S24][S25][S26]): the key as `api_key` or `Authorization: Bearer`, setStatus 1 / 3 / 6 only (no cancel),
// getStatus / setStatus answers documented only as "string" (the reference words here).

const { defineFlavour } = require('../flavour');

module.exports = defineFlavour({
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
	// §6 Onlinesim: its webhook belongs to the native API, not to the compat endpoint.
});
