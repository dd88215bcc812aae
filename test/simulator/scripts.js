'use strict';
// Deliveries planned ahead for one activation or rental (a code, a message): due once a number of status
// polls have been answered (`afterPolls`), or at a simulator clock time (`atMs`). Both providers share this;
// each passes a `lifecycle` that says whether the item is still open, when it ends by itself, how it ends,
// and how a delivery lands.

const { invalid } = require('./errors');

/** Checks a script spec: exactly one of afterPolls / atMs. Returns the trigger part. */
function scriptTrigger(spec) {
	const hasPolls = spec?.afterPolls !== undefined;
	const hasTime = spec?.atMs !== undefined;
	if (hasPolls === hasTime) throw invalid('a script needs exactly one of afterPolls or atMs');
	if (hasPolls && !(Number.isInteger(spec.afterPolls) && spec.afterPolls >= 0)) {
		throw invalid(`afterPolls must be a non-negative integer, got ${spec.afterPolls}`);
	}
	if (hasTime && !Number.isFinite(spec.atMs)) throw invalid(`atMs must be a clock time in ms, got ${spec.atMs}`);
	return hasPolls ? { afterPolls: spec.afterPolls } : { atMs: spec.atMs };
}

function remove(item, script) {
	item.scripts.splice(item.scripts.indexOf(script), 1);
}

/**
 * Brings an item up to `now`: timed deliveries and the item's own end (expiry, auto-finish) are applied in
 * time order, so a code scripted after the expiry never lands. Called before every read of the item.
 */
function settle(item, now, lifecycle) {
	const due = item.scripts.filter((s) => s.atMs !== undefined && s.atMs <= now).sort((a, b) => a.atMs - b.atMs);
	for (const script of due) {
		if (!lifecycle.isOpen(item) || lifecycle.endsAt(item) <= script.atMs) break;
		remove(item, script);
		lifecycle.deliver(item, script, script.atMs);
	}
	if (lifecycle.isOpen(item) && lifecycle.endsAt(item) <= now) lifecycle.end(item);
	if (!lifecycle.isOpen(item)) item.scripts = [];
}

/** Counts one status poll; deliveries due after the polls answered so far land first, so they are seen now. */
function poll(item, now, lifecycle) {
	settle(item, now, lifecycle);
	const due = item.scripts.filter((s) => s.afterPolls !== undefined && s.afterPolls <= item.polls);
	for (const script of due) {
		if (!lifecycle.isOpen(item)) break;
		remove(item, script);
		lifecycle.deliver(item, script, now);
	}
	item.polls += 1;
}

module.exports = { scriptTrigger, settle, poll };
