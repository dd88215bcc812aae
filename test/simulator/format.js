'use strict';
// Money and date formats the two providers use. Money is integer cents inside the simulator so that
// balances and refunds never pick up floating-point dust (0.1 + 0.2).

const { invalid } = require('./errors');

function toCents(dollars, what = 'amount') {
	if (typeof dollars !== 'number' || !Number.isFinite(dollars) || dollars < 0) {
		throw invalid(`${what} must be a non-negative number of dollars, got ${dollars}`);
	}
	return Math.round(dollars * 100);
}

const toDollars = (cents) => cents / 100;

/** "25.50": always two decimals, as ACCESS_BALANCE and OTPVerified's price strings show. */
function money(cents) {
	return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** "2026-03-08T14:30:00": UTC without a zone, as RentVerify's active list shows. */
const utcIso = (ms) => new Date(ms).toISOString().slice(0, 19);

/** "2025-04-26 12:43:00": UTC without a zone, as OTPVerified's purchased/expires show. */
const utcSpaced = (ms) => utcIso(ms).replace('T', ' ');

/** Day of the month of the n-th Sunday of a month (month 0-based). */
function nthSunday(year, month, n) {
	const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
	return 1 + ((7 - firstWeekday) % 7) + 7 * (n - 1);
}

/**
 * "2025-07-11 13:50:49 EDT": US Eastern wall time with its abbreviation, as OTPVerified's message timestamps.
 * US rule since 2007: EDT from the second Sunday of March, 2:00 EST (07:00 UTC),
 * to the first Sunday of November, 2:00 EDT (06:00 UTC).
 */
function easternTimestamp(ms) {
	const year = new Date(ms).getUTCFullYear();
	const dstStart = Date.UTC(year, 2, nthSunday(year, 2, 2), 7);
	const dstEnd = Date.UTC(year, 10, nthSunday(year, 10, 1), 6);
	const summer = ms >= dstStart && ms < dstEnd;
	const offsetHours = summer ? -4 : -5;
	return `${utcSpaced(ms + offsetHours * 3600_000)} ${summer ? 'EDT' : 'EST'}`;
}

module.exports = { toCents, toDollars, money, utcIso, utcSpaced, easternTimestamp };
