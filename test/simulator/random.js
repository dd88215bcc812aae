'use strict';
// Seeded pseudo-random numbers (mulberry32): codes, ids and phone numbers repeat from run to run,
// so a failing test can be replayed exactly.

/** mulberry32: the same seed gives the same numbers in [0, 1) on every machine. */
function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function createRandom(seed) {
	const next = mulberry32(seed);
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const digits = (count) => Array.from({ length: count }, () => int(0, 9)).join('');
	const hex = (count) => Array.from({ length: count }, () => int(0, 15).toString(16)).join('');
	const pick = (items) => items[int(0, items.length - 1)];
	const chance = (p) => next() < p;
	return { next, chance, int, digits, hex, pick };
}

module.exports = { createRandom, mulberry32 };
