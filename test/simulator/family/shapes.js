'use strict';
// Wire shapes shared by the flavour tables (flavours/*.js): the sms-activate family's plain words, its
// times and masks, and HeroSMS's JSON error envelope. A table picks from these and says, per answer, which
// section of docs/research/sms-activate-family.md it follows; nothing here decides on its own which
// server answers what.
//
// A table's `answers` receive a `view` of one activation from the engine:
//   { id, phone, service, serviceName, country, countryName, countryPhoneCode, cost, costCents, operator,
//     createdAt, expiresAt, status, state, code, text, codeAt, codes, ready }
// where `state` is 'waiting' | 'ok' (a code) | 'retry' (another SMS asked for) | 'finished' (completed,
// with its code) | 'cancelled' | 'expired' (lifetime over without a code), and `opts` is the flavour's
// current options (see each table's `options`).

const { text, json } = require('../http');
const { utcSpaced } = require('../format');

/** A bare word with HTTP 200, as every server of the family but HeroSMS answers its errors. */
const word = (body, status = 200) => text(status, body);

/** `WORD:value`, or the doc notation `WORD: 'value'` (with a space and quotes) when `quoted`. */
const withValue = (name, value, quoted) => (quoted ? `${name}: '${value}'` : `${name}:${value}`);

/** HeroSMS's JSON error envelope with a real HTTP status (§1 "HTTP semantics"). */
const heroError = (status, title, details, info = {}) => json(status, { title, details, info });

/** "25.50": two decimals. */
function fixed2(cents) {
	return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
/** "25.5", "540": the shortest decimal, as HeroSMS's `ACCESS_BALANCE:100.5` and 365sms's `ACCESS_BALANCE:540`. */
const short = (cents) => String(cents / 100);

/** "2022-06-01 17:30:57" (UTC; the servers do not say which zone). */
const sqlTime = (ms) => utcSpaced(ms);

/** "2026-02-18T16:11:33+00:00", or with another whole-hour offset ("+03:00"). */
function isoOffset(ms, hours = 0) {
	const local = new Date(ms + hours * 3600_000).toISOString().slice(0, 19);
	const sign = hours < 0 ? '-' : '+';
	return `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** "2025-12-16T10:30:00.000000Z": ISO-8601 with microseconds, as HeroSMS's webhook `receivedAt`. */
const isoMicros = (ms) => `${new Date(ms).toISOString().slice(0, 23)}000Z`;

/** PHP's 'Y-m-d H-i-s' of sms-activate's `BANNED:'YYYY-m-d H-i-s'`: "2026-03-09 14-05-00". */
const banTime = (ms) => utcSpaced(ms).replace(/:/g, '-');

/** "79********1": the first two digits and the last one, as the documented active lists show phones. */
const mask = (phone) => `${phone.slice(0, 2)}${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-1)}`;

/**
 * getStatus in plain words (§0 getStatus; "Shapes seen across the family → getStatus").
 * `quoted`: which words use the doc notation when the flavour's `quoted` option is on.
 * `retry`: the answer while another SMS is awaited: 'retry' (`STATUS_WAIT_RETRY:<last code>`) or 'resend'
 * (`STATUS_WAIT_RESEND`). `finished`: a completed activation answers 'cancel' (sms-activate's
 * "STATUS_CANCEL — canceled or completed") or 'ok' (keeps answering its code).
 */
function statusWords({ quoted = [], retry = 'retry', finished = 'ok' } = {}) {
	return (view, opts) => {
		const q = (name) => Boolean(opts.quoted) && quoted.includes(name);
		const retryAs = opts.retryWord ?? retry;
		switch (view.state) {
			case 'waiting':
				return word('STATUS_WAIT_CODE');
			case 'ok':
				return word(withValue('STATUS_OK', view.code, q('STATUS_OK')));
			case 'retry':
				return word(retryAs === 'resend' ? 'STATUS_WAIT_RESEND' : withValue('STATUS_WAIT_RETRY', view.code, q('STATUS_WAIT_RETRY')));
			case 'finished':
				return finished === 'cancel' ? word('STATUS_CANCEL') : word(withValue('STATUS_OK', view.code, q('STATUS_OK')));
			default:
				return word('STATUS_CANCEL');
		}
	};
}

/** The setStatus answers of the family (§0 setStatus): 1 ready, 3 another SMS, 6 finish, 8 (and -1) cancel. */
const STATUS_CHANGED = {
	1: () => word('ACCESS_READY'),
	3: () => word('ACCESS_RETRY_GET'),
	6: () => word('ACCESS_ACTIVATION'),
	8: () => word('ACCESS_CANCEL'),
	'-1': () => word('ACCESS_CANCEL'),
};

/** `{country: {service: leaf}}` for getPrices, filtered; `leaf(row)` gives each server's offer shape. */
function nestPrices(rows, leaf) {
	const nested = {};
	for (const row of rows) {
		nested[row.country] ??= {};
		nested[row.country][row.service] = leaf(row);
	}
	return nested;
}

/** sms-activate's smsText `"[…]"`: the texts as a JSON array in a string; null before any SMS. */
const smsTextList = (view) => (view.codes.length === 0 ? null : JSON.stringify(view.codes.map((c) => c.text)));

module.exports = {
	word,
	withValue,
	heroError,
	fixed2,
	short,
	sqlTime,
	isoOffset,
	isoMicros,
	banTime,
	mask,
	statusWords,
	STATUS_CHANGED,
	nestPrices,
	smsTextList,
};
