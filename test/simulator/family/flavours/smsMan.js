'use strict';
// sms-man, as docs/research/sms-activate-family.md §6 "sms-man" documents it ([S23]): getBalance
// (ACCESS_BALANCE:$balance), getNumber (ACCESS_NUMBER:$id:$number) and getPrices (cost a string); the other
// core actions follow the reference (§0).

const { json } = require('../../http');
const { defineFlavour } = require('../flavour');
const s = require('../shapes');

module.exports = defineFlavour({
	name: 'smsMan',
	title: 'sms-man',
	research: 'docs/research/sms-activate-family.md §6 sms-man',
	demoKey: 'smsman_demo_c6a1f4e08b37d925',
	firstId: 907311452,
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus', 'getPrices'],
	statuses: [1, 3, 6, 8],
	answers: {
		// §6 sms-man getPrices: {"0":{"vk":{"cost":"15","count":6455}}}, cost a string.
		prices: (rows) => json(200, s.nestPrices(rows, (r) => ({ cost: String(r.cost), count: r.count }))),
		pricesBadFilter: () => json(200, {}),
	},
	// §6 sms-man: webhook not found.
});
