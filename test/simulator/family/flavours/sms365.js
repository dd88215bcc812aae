'use strict';
// 365sms, as docs/research/sms-activate-family.md §2 documents it ([S10][S11]): getBalance and
// getNumbersStatus are read in its own page; getNumber's parameters too, its answers and the other core
// actions (getStatus, setStatus) are not confirmed and follow the reference (§0).

const { json } = require('../../http');
const { defineFlavour } = require('../flavour');
const s = require('../shapes');

module.exports = defineFlavour({
	name: 'sms365',
	title: '365sms',
	research: 'docs/research/sms-activate-family.md §2 365sms',
	demoKey: 'sms365_demo_0e8b3c5fa91d27c4',
	firstId: 2640086027,
	actions: ['getBalance', 'getNumbersStatus', 'getNumber', 'getStatus', 'setStatus'],
	// Not confirmed (§2); the family's 1/3/6/8 (a client assumes 3/6/8 [S11]).
	statuses: [1, 3, 6, 8],
	answers: {
		// §2 getBalance: `ACCESS_BALANCE:540`; its errors BAD_KEY, ERROR_SQL, BAD_ACTION are the reference's.
		balance: (cents) => s.word(`ACCESS_BALANCE:${s.short(cents)}`),
		// §2 getNumbersStatus: {"vk_0":890,"ok_0":192,…}.
		numbersStatus: (counts) => json(200, Object.fromEntries(Object.entries(counts).map(([svc, n]) => [`${svc}_0`, n]))),
	},
	// §2 Webhook: not found.
});
