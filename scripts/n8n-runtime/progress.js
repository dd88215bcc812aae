// How the runtime scripts report progress: the `[n8n-runtime]` log line, how often a long step says it is
// still going, and durations as people read them. Change it to change what the terminal shows.
'use strict';

const PROGRESS_EVERY_MS = 10_000;

const defaultLog = (message) => console.log(`[n8n-runtime] ${message}`);

/** "42 s", "4 min 7 s": the time since `since` (ms since the epoch). */
function elapsed(since) {
	const s = Math.round((Date.now() - since) / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

module.exports = { PROGRESS_EVERY_MS, defaultLog, elapsed };
