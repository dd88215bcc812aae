'use strict';
// SMSHub, as docs/research/sms-activate-family.md §4 documents it ([S14][S15], a client's transcription of
// the RU docs): the reference's plain words with HTTP 200, but WRONG_SERVICE.

const { defineFlavour } = require('../flavour');
const s = require('../shapes');

module.exports = defineFlavour({
	name: 'smsHub',
	title: 'SMSHub',
	research: 'docs/research/sms-activate-family.md §4 SMSHub',
	demoKey: 'smshub_demo_72c0d4a9e6b13f58',
	firstId: 1048576301,
	// §4: getBalance, getNumber, setStatus, getStatus; the rest named by clients only (BAD_ACTION here).
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus'],
	// §4 setStatus: 1, 3, 6, 8 (ACCESS_READY, ACCESS_RETRY_GET, ACCESS_ACTIVATION, ACCESS_CANCEL; NO_ACTIVATION).
	statuses: [1, 3, 6, 8],
	answers: {
		// §4 getBalance errors: BAD_KEY, ERROR_SQL, BAD_ACTION. §4 getNumber: ACCESS_NUMBER:ID:NUMBER; NO_NUMBERS,
		// NO_BALANCE, WRONG_SERVICE. §4 getStatus: STATUS_WAIT_CODE, STATUS_WAIT_RETRY:LASTCODE, STATUS_CANCEL,
		// STATUS_OK:CODE. All the reference's but this one:
		badService: () => s.word('WRONG_SERVICE'),
	},
	// §4 Webhook: not found.
});
