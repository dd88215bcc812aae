'use strict';
// SMSHub, as docs/research/sms-activate-family.md §4 documents it ([S14][S15], a client's transcription of
// the RU docs): plain words with HTTP 200.

const s = require('../shapes');

module.exports = {
	name: 'smsHub',
	title: 'SMSHub',
	research: 'docs/research/sms-activate-family.md §4 SMSHub',
	demoKey: 'smshub_demo_72c0d4a9e6b13f58',
	firstId: 1048576301,
	// §4: getBalance, getNumber, setStatus, getStatus; the rest named by clients only (BAD_ACTION here).
	actions: ['getBalance', 'getNumber', 'getStatus', 'setStatus'],
	// §4 setStatus: 1, 3, 6, 8.
	statuses: [1, 3, 6, 8],
	earlyCancel: null,
	options: {},
	refusals: {
		errorSql: () => s.word('ERROR_SQL'),
	},
	answers: {
		// §4 getBalance errors: BAD_KEY, ERROR_SQL, BAD_ACTION.
		badKey: () => s.word('BAD_KEY'),
		badAction: () => s.word('BAD_ACTION'),
		balance: (cents) => s.word(`ACCESS_BALANCE:${s.fixed2(cents)}`),
		// §4 getNumber: ACCESS_NUMBER:ID:NUMBER; NO_NUMBERS, NO_BALANCE, WRONG_SERVICE.
		number: (view) => s.word(`ACCESS_NUMBER:${view.id}:${view.phone}`),
		badService: () => s.word('WRONG_SERVICE'),
		badCountry: () => s.word('NO_NUMBERS'),
		noNumbers: () => s.word('NO_NUMBERS'),
		noBalance: () => s.word('NO_BALANCE'),
		// §4 getStatus: STATUS_WAIT_CODE, STATUS_WAIT_RETRY:LASTCODE, STATUS_CANCEL, STATUS_OK:CODE.
		status: s.statusWords({ finished: 'ok' }),
		noActivation: () => s.word('NO_ACTIVATION'),
		// §4 setStatus: ACCESS_READY, ACCESS_RETRY_GET, ACCESS_ACTIVATION, ACCESS_CANCEL; NO_ACTIVATION.
		statusChanged: s.STATUS_CHANGED,
		badStatus: () => s.word('BAD_STATUS'),
		otpReceived: () => s.word('BAD_STATUS'),
		notActive: () => s.word('BAD_STATUS'),
	},
	// §4 Webhook: not found.
	webhook: null,
};
