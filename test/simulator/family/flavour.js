'use strict';
// The one builder of flavour tables (flavours/*.js): the family's reference answers, sms-activate's as
// docs/research/sms-activate-family.md §0 documents them, which most servers repeat word for word. A table
// gives only what its server documents differently (or adds), each citing its section; `defineFlavour`
// fills in the rest. Change this file when the reference itself reads differently; a server's own
// difference belongs in its table. The engine (engine.js) checks every built table at start.

const { json } = require('../http');
const s = require('./shapes');

/** The reference's plain-word answers with HTTP 200 (§0 getBalance, getNumber, getStatus, setStatus). */
const REFERENCE_ANSWERS = {
	badKey: () => s.word('BAD_KEY'),
	badAction: () => s.word('BAD_ACTION'),
	balance: (cents) => s.word(`ACCESS_BALANCE:${s.fixed2(cents)}`),
	number: (view) => s.word(`ACCESS_NUMBER:${view.id}:${view.phone}`),
	badService: () => s.word('BAD_SERVICE'),
	// An unknown country: nothing to sell there.
	badCountry: () => s.word('NO_NUMBERS'),
	noNumbers: () => s.word('NO_NUMBERS'),
	noBalance: () => s.word('NO_BALANCE'),
	status: s.statusWords({ finished: 'ok' }),
	noActivation: () => s.word('NO_ACTIVATION'),
	badStatus: () => s.word('BAD_STATUS'),
	otpReceived: () => s.word('BAD_STATUS'),
	notActive: () => s.word('BAD_STATUS'),
};

/** The reference's getNumber refusal a test can ask for on any plain-word server. */
const REFERENCE_REFUSALS = { errorSql: () => s.word('ERROR_SQL') };

/** §0 getNumberV2: activationId a number, countryCode and canGetAnotherSms strings, currency 840. */
const referenceNumberV2 = (view) =>
	json(200, {
		activationId: Number(view.id),
		phoneNumber: view.phone,
		activationCost: view.cost,
		currency: 840,
		countryCode: String(view.country),
		canGetAnotherSms: '1',
		activationTime: s.sqlTime(view.createdAt),
		activationOperator: view.operator,
	});

/** §0 Webhook [S2][S3]: the pushed body (activationId a number, receivedAt "2023-01-01 12:00:00"). */
const referenceWebhookBody = (view, sms) => ({
	activationId: Number(view.id),
	service: view.service,
	text: sms.text,
	code: sms.code,
	country: view.country,
	receivedAt: s.sqlTime(sms.at),
});

/** getPrices `{country: {service: {cost, count}}}` (§0 without physicalCount, as SMSBower and sms.online give it). */
const costCountPrices = (rows) => json(200, s.nestPrices(rows, (r) => ({ cost: r.cost, count: r.count })));

/**
 * A complete table from a server's own one: `name`, `title`, `research`, `demoKey`, `firstId`, `actions`,
 * `statuses`, and optionally `bearer`, `earlyCancel` (default none), `options` (default none), `refusals`
 * (default the reference's ERROR_SQL only; a table that lists refusals lists all of them), `answers` (laid over
 * the reference's; setStatus answers default to the reference's for the server's `statuses`), `webhook`
 * (default none) and `faultStatus`.
 */
function defineFlavour({ answers = {}, refusals = REFERENCE_REFUSALS, ...table }) {
	const statusChanged = Object.fromEntries(table.statuses.map((code) => [code, s.STATUS_CHANGED[code]]));
	return {
		earlyCancel: null,
		options: {},
		webhook: null,
		...table,
		refusals,
		answers: { ...REFERENCE_ANSWERS, statusChanged, ...answers },
	};
}

module.exports = { defineFlavour, referenceNumberV2, referenceWebhookBody, costCountPrices };
