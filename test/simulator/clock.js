'use strict';
// The simulator's clock: real time plus an offset that tests move forward, so expiry and timed codes can be
// reached without waiting. `startTime` pins where the clock starts (e.g. a winter date, for EST timestamps).

const { invalid } = require('./errors');

function createClock(startTime) {
	let offset = 0;
	const clock = {
		now: () => Date.now() + offset,
		advance(ms) {
			if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
				throw invalid(`advanceTime needs a non-negative number of milliseconds, got ${ms}`);
			}
			offset += ms;
		},
		reset() {
			offset = startTime === undefined ? 0 : startTime - Date.now();
		},
	};
	clock.reset();
	return clock;
}

module.exports = { createClock };
