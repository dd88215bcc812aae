'use strict';
// RentVerify (see docs/PROVIDERS.md): pay-per-activation numbers, every call a GET, answers in
// sms-activate style plain-text words (JSON for the catalog and the active list).

const { createRandom } = require('./random');
const { toCents, toDollars, money, utcIso } = require('./format');
const { text, json, bearerToken } = require('./http');
const { scriptTrigger, settle, poll } = require('./scripts');
const { invalid, notFound, conflict } = require('./errors');

const API_PREFIX = '/rentverify/api/v1';
// The sms-activate URL style (one endpoint, `action` names the call) served by the same handlers.
const STUB_PATH = '/rentverify/stubs/handler_api.php';

const COUNTRIES = [
	{ id: 'usa', name: 'United States', phone: (rng) => `+1202555${rng.digits(4)}` },
	// Ofcom's range reserved for drama: plausible, never a real subscriber.
	{ id: 'england', name: 'England', phone: (rng) => `+447700900${rng.digits(3)}` },
	{ id: 'india', name: 'India', phone: (rng) => `+919${rng.digits(9)}` },
];
const SERVICES = { tg: 'Telegram', wa: 'WhatsApp', facebook: 'Facebook', google: 'Google' };
// [country, service, dollars, available]. Not every service in every country (no england.google,
// no india.facebook), and england.facebook is listed but sold out (NO_NUMBERS).
const INITIAL_PRICES = [
	['usa', 'tg', 0.5, 120],
	['usa', 'wa', 1.2, 85],
	['usa', 'facebook', 0.4, 210],
	['usa', 'google', 0.65, 40],
	['england', 'tg', 0.75, 64],
	['england', 'wa', 0.9, 31],
	['england', 'facebook', 0.6, 0],
	['india', 'tg', 0.2, 300],
	['india', 'wa', 0.3, 150],
	['india', 'google', 0.15, 500],
];
// Above 2^32 on purpose: a well-known client broke on ids that overflow 32-bit integers.
const FIRST_ACTIVATION_ID = 5640086027;
const CANCEL_FEE_CENTS = 10;
const ALREADY_RECEIVED = 'Cannot cancel: this number has already received an SMS';

const OPEN_STATUSES = new Set(['waiting', 'received', 'retry']);

function createRentVerify({ clock, seed, tokens, noRoleTokens, balance, activationLifetimeMs, finishAfterCodeMs, autoDeliver }) {
	const validTokens = new Set(tokens);
	const refusedTokens = new Set(noRoleTokens);
	let state;

	// How an activation moves by itself: it expires after its lifetime (or finishes, if a code came),
	// and optionally finishes some time after a code arrived.
	const lifecycle = {
		isOpen: (a) => OPEN_STATUSES.has(a.status) && !a.finished,
		endsAt: (a) => Math.min(a.expiresAt, a.finishAt ?? Infinity),
		end(a) {
			if (a.status === 'waiting') a.status = 'expired';
			else a.finished = true;
		},
		deliver: (a, script, at) => receive(a, script.code, at),
	};

	function reset() {
		state = {
			rng: createRandom(seed),
			balanceCents: toCents(balance, 'balance'),
			prices: new Map(),
			activations: new Map(),
			nextId: FIRST_ACTIVATION_ID,
		};
		for (const [country, service, dollars, available] of INITIAL_PRICES) {
			addPrice(country, service, toCents(dollars), available);
		}
	}

	function addPrice(country, service, priceCents, available) {
		// Opaque, base64 like the page's "MTo...": clients must pass it back untouched (and URL-encoded).
		const priceId = Buffer.from(`1:${state.prices.size + 1}:${country}:${service}`).toString('base64');
		state.prices.set(`${country}:${service}`, { country, service, priceCents, available, priceId });
	}

	function receive(a, code, at) {
		a.codes.push({ code, at });
		a.status = 'received';
		if (finishAfterCodeMs != null) a.finishAt = at + finishAfterCodeMs;
	}

	function find(id) {
		const a = state.activations.get(String(id));
		if (!a) throw notFound(`no RentVerify activation ${id}`);
		settle(a, clock.now(), lifecycle);
		return a;
	}

	function findOpen(id) {
		const a = find(id);
		if (!lifecycle.isOpen(a)) throw conflict(`activation ${id} is ${a.finished ? 'finished' : a.status}`);
		return a;
	}

	const snapshot = (a) => ({
		id: a.id,
		phone: a.phone,
		service: a.service,
		country: a.country,
		cost: toDollars(a.costCents),
		status: a.status,
		finished: a.finished,
		codes: a.codes.map((c) => ({ ...c })),
		polls: a.polls,
		createdAt: a.createdAt,
		expiresAt: a.expiresAt,
	});

	const lastCode = (a) => a.codes[a.codes.length - 1].code;
	const STATUS_WORDS = {
		waiting: () => 'STATUS_WAIT_CODE',
		received: (a) => `STATUS_OK:${lastCode(a)}`,
		retry: (a) => `STATUS_WAIT_RETRY:${lastCode(a)}`,
		cancelled: () => 'STATUS_CANCEL',
		expired: () => 'STATUS_CANCEL',
	};

	function pricesByCountry() {
		const nested = {};
		for (const p of state.prices.values()) {
			nested[p.country] ??= {};
			nested[p.country][p.service] = { price: toDollars(p.priceCents), available: p.available, price_id: p.priceId };
		}
		return nested;
	}

	function codeOrRandom(code) {
		if (code === undefined) return state.rng.digits(6);
		if (typeof code !== 'string' || code === '') throw invalid(`a code must be a non-empty string, got ${code}`);
		return code;
	}

	const badAction = () => text(400, 'BAD_ACTION');

	const routes = {
		getBalance: () => text(200, `ACCESS_BALANCE:${money(state.balanceCents)}`),

		getActiveActivations() {
			const now = clock.now();
			const active = [...state.activations.values()].filter((a) => {
				settle(a, now, lifecycle);
				return lifecycle.isOpen(a);
			});
			return json(
				200,
				active.map((a) => ({
					id: Number(a.id), // a JSON number, as the page shows; still exact below 2^53
					number: a.phone,
					service: a.service,
					country: a.country,
					status: a.status === 'waiting' ? 'active' : 'received',
					cost: toDollars(a.costCents),
					expires_at: utcIso(a.expiresAt),
					created_at: utcIso(a.createdAt),
				})),
			);
		},

		getCountries: () => json(200, COUNTRIES.map(({ id, name }) => ({ id, name }))),

		getServices({ country }) {
			if (!COUNTRIES.some((c) => c.id === country)) return badAction();
			const codes = [...state.prices.values()].filter((p) => p.country === country).map((p) => p.service);
			return json(200, codes.map((code) => ({ code, name: SERVICES[code] })));
		},

		getPrices: () => json(200, pricesByCountry()),

		getNumber({ service, country, price_id: priceId }) {
			const price = state.prices.get(`${country}:${service}`);
			if (!service || !country || !price) return badAction();
			if (priceId !== undefined && priceId !== price.priceId) return badAction();
			if (price.available === 0) return text(404, 'NO_NUMBERS');
			if (state.balanceCents < price.priceCents) return text(402, 'NO_BALANCE');

			state.balanceCents -= price.priceCents;
			price.available -= 1;
			const createdAt = clock.now();
			const a = {
				id: String(state.nextId),
				phone: COUNTRIES.find((c) => c.id === country).phone(state.rng),
				service,
				country,
				costCents: price.priceCents,
				createdAt,
				expiresAt: createdAt + activationLifetimeMs,
				status: 'waiting',
				finished: false,
				finishAt: null,
				codes: [],
				polls: 0,
				scripts: [],
			};
			// Gaps between ids, as on a shared server: clients must not assume consecutive ids.
			state.nextId += state.rng.int(1, 16);
			if (autoDeliver) a.scripts.push({ afterPolls: autoDeliver.afterPolls, code: state.rng.digits(6) });
			state.activations.set(a.id, a);
			return text(200, `ACCESS_NUMBER:${a.id}:${a.phone}`);
		},

		getStatus({ id }) {
			const a = state.activations.get(id);
			if (!a) return badAction();
			poll(a, clock.now(), lifecycle);
			return text(200, STATUS_WORDS[a.status](a));
		},

		setStatus({ id, status }) {
			const a = state.activations.get(id);
			if (!a || status !== '8') return badAction();
			settle(a, clock.now(), lifecycle);
			if (a.codes.length > 0) return text(409, ALREADY_RECEIVED);
			if (!lifecycle.isOpen(a)) return badAction();
			a.status = 'cancelled';
			a.scripts = [];
			state.balanceCents += Math.max(0, a.costCents - CANCEL_FEE_CENTS);
			return text(200, 'ACCESS_CANCEL');
		},
	};

	/** Which RentVerify call a URL is, in either URL style; null when the URL is not RentVerify's. */
	function match(pathname, searchParams, headers) {
		const { api_key: apiKey, action, ...query } = Object.fromEntries(searchParams);
		if (pathname === STUB_PATH) return { route: action ?? '', query, token: apiKey };
		if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return null;
		const token = headers['x-api-token'] || bearerToken(headers.authorization);
		return { route: pathname.slice(API_PREFIX.length + 1), query, token };
	}

	function handle({ route, method, query, token }) {
		if (refusedTokens.has(token)) return text(403, 'NO_ACTIVATION');
		if (!validTokens.has(token)) return text(401, 'BAD_KEY');
		const handler = Object.hasOwn(routes, route) ? routes[route] : null;
		if (!handler || method !== 'GET') return badAction();
		return handler(query);
	}

	const api = {
		setBalance(dollars) {
			state.balanceCents = toCents(dollars, 'balance');
		},
		balance: () => toDollars(state.balanceCents),
		setPrice(country, service, { price, available } = {}) {
			if (!COUNTRIES.some((c) => c.id === country)) throw invalid(`unknown RentVerify country ${country}`);
			if (!Object.hasOwn(SERVICES, service)) throw invalid(`unknown RentVerify service ${service}`);
			if (available !== undefined && !(Number.isInteger(available) && available >= 0)) {
				throw invalid(`available must be a non-negative integer, got ${available}`);
			}
			const existing = state.prices.get(`${country}:${service}`);
			if (!existing) {
				if (price === undefined) throw invalid(`a new price for ${country}.${service} needs a price`);
				addPrice(country, service, toCents(price, 'price'), available ?? 100);
				return;
			}
			if (price !== undefined) existing.priceCents = toCents(price, 'price');
			if (available !== undefined) existing.available = available;
		},
		activation: (id) => snapshot(find(id)),
		activations: () => [...state.activations.keys()].map((id) => snapshot(find(id))),
		deliverCode(id, code) {
			const a = findOpen(id);
			receive(a, codeOrRandom(code), clock.now());
			return snapshot(a);
		},
		scriptCode(id, spec) {
			const trigger = scriptTrigger(spec);
			const a = findOpen(id);
			a.scripts.push({ ...trigger, code: codeOrRandom(spec.code) });
			return snapshot(a);
		},
		requestRetry(id) {
			const a = findOpen(id);
			if (a.status !== 'received') throw conflict(`activation ${id} has no code to retry (${a.status})`);
			a.status = 'retry';
			return snapshot(a);
		},
		finish(id) {
			const a = findOpen(id);
			a.finished = true;
			a.scripts = [];
			return snapshot(a);
		},
	};

	reset();
	return {
		api,
		match,
		handle,
		reset,
		purchases: () => state.activations.size,
		state: () => ({ balance: api.balance(), activations: api.activations(), prices: pricesByCountry() }),
	};
}

module.exports = { createRentVerify };
