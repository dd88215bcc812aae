'use strict';
// OTPVerified (see docs/PROVIDERS.md): numbers rented for days, every answer a JSON envelope
// {statusCode, data?, message, success}. Errors follow the same envelope with success:false, as the
// contract expects (the original page shows none).

const { createRandom } = require('./random');
const { toCents, toDollars, money, utcSpaced, easternTimestamp } = require('./format');
const { json, bearerToken } = require('./http');
const { scriptTrigger, settle, poll } = require('./scripts');
const { invalid, notFound, conflict } = require('./errors');

const API_PREFIX = '/otpverified/api/v1/users';
const DAY_MS = 24 * 3600_000;
const DURATIONS = { oneDay: 1, threeDay: 3, sevenDay: 7, fourteenDay: 14, thirtyDay: 30, ninetyDay: 90 };
const AREA_SURCHARGE_CENTS = 250;
const DISCOUNT_PERCENT = 10;
const AREA_CODES = ['912', '609', '503', '302', '415'];

// Prices per supported duration (dollars). Amazon has no short rentals, as the page warns some numbers do not.
// Each service knows how its SMS looks, so default messages exercise codes with letters and dashes.
const SERVICES = [
	{
		serviceId: '1fe58df2',
		serviceName: 'Google',
		prices: { oneDay: 3.46, threeDay: 5.19, sevenDay: 8.65, fourteenDay: 13.84, thirtyDay: 24.22, ninetyDay: 62.28 },
		available: 37,
		sender: '22000',
		pin: (rng) => `G-${rng.digits(6)}`,
		text: (pin) => `${pin} is your Google verification code.`,
	},
	{
		serviceId: '6b816098',
		serviceName: 'Telegram',
		prices: { oneDay: 1.25, threeDay: 2.6, sevenDay: 4.8, fourteenDay: 8.4, thirtyDay: 14, ninetyDay: 36 },
		available: 112,
		sender: '42777',
		pin: (rng) => rng.digits(5),
		text: (pin) => `Telegram code: ${pin}. Do not give this code to anyone, even if they say they are from Telegram!`,
	},
	{
		serviceId: '3c9a0e41',
		serviceName: 'WhatsApp',
		prices: { oneDay: 1.8, threeDay: 3.9, sevenDay: 6.5, fourteenDay: 11, thirtyDay: 19.5, ninetyDay: 49 },
		available: 64,
		sender: '32665',
		pin: (rng) => `${rng.digits(3)}-${rng.digits(3)}`,
		text: (pin) => `Your WhatsApp code: ${pin}\nDon't share this code with others`,
	},
	{
		serviceId: 'a7d4c2e9',
		serviceName: 'Amazon',
		prices: { sevenDay: 7.4, fourteenDay: 12.6, thirtyDay: 21, ninetyDay: 54 },
		available: 9,
		sender: '262966',
		pin: (rng) => rng.digits(6),
		text: (pin) => `${pin} is your Amazon OTP. Don't share it with anyone.`,
	},
];
const FIRST_ORDER_ID = 52608714;

/** The pin the provider would extract from a message text given without one (null if none). */
function extractPin(message) {
	const found = /\b[A-Z]-\d{4,8}\b|\b\d{3}-\d{3}\b|\b\d{4,8}\b/.exec(message);
	return found ? found[0] : null;
}

/** rental-services entry: strings for money, as a real API sends them. `price`/`discountedPrice` are the
 * "from" prices (shortest supported duration); the demo account has no discount, so list prices are charged. */
function describeService(service) {
	const supportedDurations = Object.keys(service.prices);
	const fromCents = toCents(service.prices[supportedDurations[0]]);
	return {
		serviceId: service.serviceId,
		serviceName: service.serviceName,
		price: money(fromCents),
		discountedPrice: money(Math.round((fromCents * (100 - DISCOUNT_PERCENT)) / 100)),
		durationPrices: Object.fromEntries(supportedDurations.map((d) => [d, money(toCents(service.prices[d]))])),
		areaCodeSurcharge: money(AREA_SURCHARGE_CENTS),
		supportedDurations,
		available: service.available,
	};
}

function createOtpVerified({ clock, seed, tokens, balance, autoDeliver }) {
	const validTokens = new Set(tokens);
	let state;

	// A rental ends by itself at `expires`; messages keep being listed after it ended.
	const lifecycle = {
		isOpen: (r) => r.status === 'reserved',
		endsAt: (r) => r.expiresAt,
		end(r) {
			r.status = 'expired';
		},
		deliver: (r, script, at) => storeMessage(r, { ...script.content, at }),
	};

	function reset() {
		state = {
			rng: createRandom(seed + 1), // its own sequence: RentVerify traffic does not shift OTPVerified's numbers
			balanceCents: toCents(balance, 'balance'),
			rentals: new Map(),
			nextOrderId: FIRST_ORDER_ID,
		};
	}

	const envelope = (statusCode, message, data) =>
		json(statusCode, data === undefined ? { statusCode, message, success: statusCode < 400 } : { statusCode, data, message, success: true });
	const fail = (statusCode, message) => envelope(statusCode, message);

	function storeMessage(r, { sender, message, pin, at }) {
		const service = SERVICES.find((s) => s.serviceId === r.serviceId);
		const finalPin = pin ?? (message === undefined ? service.pin(state.rng) : extractPin(message));
		const stored = {
			at,
			message: {
				id: state.rng.hex(8),
				orderId: r.orderId,
				timestamp: easternTimestamp(at),
				service: service.serviceName,
				sender: sender ?? service.sender,
				number: r.number,
				message: message ?? service.text(finalPin),
				pin: finalPin,
			},
		};
		// Oldest first, also when a message is given an earlier time than one already stored.
		const later = r.messages.findIndex((m) => m.at > at);
		r.messages.splice(later === -1 ? r.messages.length : later, 0, stored);
		return { ...stored.message };
	}

	function checkContent({ sender, message, pin } = {}) {
		for (const [name, value] of Object.entries({ sender, message, pin })) {
			if (value !== undefined && typeof value !== 'string') throw invalid(`${name} must be a string, got ${value}`);
		}
		return { sender, message, pin };
	}

	function find(orderId) {
		const r = state.rentals.get(String(orderId));
		if (!r) throw notFound(`no OTPVerified rental ${orderId}`);
		settle(r, clock.now(), lifecycle);
		return r;
	}

	function findOpen(orderId) {
		const r = find(orderId);
		if (!lifecycle.isOpen(r)) throw conflict(`rental ${orderId} is ${r.status}`);
		return r;
	}

	const snapshot = (r) => ({
		orderId: r.orderId,
		serviceId: r.serviceId,
		serviceName: r.serviceName,
		number: r.number,
		areas: r.areas,
		duration: r.duration,
		days: DURATIONS[r.duration],
		price: money(r.priceCents),
		status: r.status,
		purchasedAt: r.purchasedAt,
		expiresAt: r.expiresAt,
		messages: r.messages.map((m) => ({ ...m.message })),
		polls: r.polls,
	});

	const isObject = (body) => typeof body === 'object' && body !== null && !Array.isArray(body);
	const idParam = (value) => (typeof value === 'number' ? String(value) : value);

	const routes = {
		'GET rental-services': () => envelope(200, 'Services retrieved successfully', SERVICES.map(describeService)),

		'GET rental-messages'({ query }) {
			if (!query.orderId) return fail(400, 'orderId is required');
			const r = state.rentals.get(query.orderId);
			if (!r) return fail(404, 'Order not found');
			poll(r, clock.now(), lifecycle);
			return envelope(200, 'Rental Messages retrieved successfully', { messages: r.messages.map((m) => m.message) });
		},

		'POST request-rental'({ body }) {
			if (!isObject(body)) return fail(400, 'Request body must be a JSON object');
			const { serviceId, areas, duration } = body;
			if (!serviceId) return fail(400, 'serviceId is required');
			if (!duration) return fail(400, 'duration is required');
			if (!Object.hasOwn(DURATIONS, duration)) {
				return fail(400, `Invalid duration "${duration}". Accepted values: ${Object.keys(DURATIONS).join(', ')}`);
			}
			const service = SERVICES.find((s) => s.serviceId === serviceId);
			if (!service) return fail(400, `Service not found: ${serviceId}`);
			if (!Object.hasOwn(service.prices, duration)) {
				return fail(400, `${service.serviceName} numbers do not support ${duration} rentals. Supported: ${Object.keys(service.prices).join(', ')}`);
			}
			const area = idParam(areas);
			if (area !== undefined && area !== null && area !== '' && !/^\d{3}$/.test(area)) {
				return fail(400, `Invalid area code "${areas}": expected three digits such as 503`);
			}
			const withArea = area !== undefined && area !== null && area !== '';
			const priceCents = toCents(service.prices[duration]) + (withArea ? AREA_SURCHARGE_CENTS : 0);
			if (state.balanceCents < priceCents) return fail(402, 'Insufficient balance');

			state.balanceCents -= priceCents;
			const purchasedAt = clock.now();
			const r = {
				orderId: String(state.nextOrderId),
				serviceId,
				serviceName: service.serviceName,
				number: `1${withArea ? area : state.rng.pick(AREA_CODES)}${state.rng.digits(7)}`,
				areas: withArea ? area : null,
				duration,
				priceCents,
				status: 'reserved',
				purchasedAt,
				expiresAt: purchasedAt + DURATIONS[duration] * DAY_MS,
				messages: [],
				polls: 0,
				scripts: [],
			};
			state.nextOrderId += state.rng.int(1, 16);
			if (autoDeliver) r.scripts.push({ afterPolls: autoDeliver.afterPolls, content: {} });
			state.rentals.set(r.orderId, r);
			return envelope(201, 'Order Confirmed!', {
				orderId: r.orderId,
				number: r.number,
				serviceName: r.serviceName,
				areas: r.areas,
				duration: DURATIONS[duration],
				purchased: utcSpaced(r.purchasedAt),
				expires: utcSpaced(r.expiresAt),
				price: money(r.priceCents),
				status: r.status,
			});
		},

		'POST release-rental'({ body }) {
			const orderId = idParam(isObject(body) ? body.orderId : undefined);
			if (!orderId) return fail(400, 'orderId is required');
			const r = state.rentals.get(orderId);
			if (!r) return fail(404, 'Order not found');
			settle(r, clock.now(), lifecycle);
			if (r.status === 'released') return fail(400, 'Rental already released');
			if (r.status === 'expired') return fail(400, 'Rental has expired');
			r.status = 'released';
			r.scripts = [];
			return envelope(200, 'Number successfully released');
		},
	};

	/** Which OTPVerified call a URL is; null when the URL is not OTPVerified's. */
	function match(pathname, searchParams, headers) {
		if (!pathname.startsWith(`${API_PREFIX}/`)) return null;
		// A stray api_key in the query is a secret all the same: keep it out of the request log.
		const { api_key: _secret, ...query } = Object.fromEntries(searchParams);
		return { route: pathname.slice(API_PREFIX.length + 1), query, token: bearerToken(headers.authorization) };
	}

	function handle({ route, method, path, query, body, token }) {
		const handler = routes[`${method} ${route}`];
		// Like a NestJS app: an unknown route is a 404 before any guard runs.
		if (!handler) return fail(404, `Cannot ${method} ${path}`);
		if (!validTokens.has(token)) return fail(401, 'Unauthorized');
		return handler({ query, body });
	}

	const api = {
		setBalance(dollars) {
			state.balanceCents = toCents(dollars, 'balance');
		},
		balance: () => toDollars(state.balanceCents),
		rental: (orderId) => snapshot(find(orderId)),
		rentals: () => [...state.rentals.keys()].map((orderId) => snapshot(find(orderId))),
		addMessage(orderId, content = {}) {
			const { at, ...rest } = content;
			if (at !== undefined && !Number.isFinite(at)) throw invalid(`at must be a clock time in ms, got ${at}`);
			const checked = checkContent(rest);
			return storeMessage(findOpen(orderId), { ...checked, at: at ?? clock.now() });
		},
		scriptMessage(orderId, spec) {
			const trigger = scriptTrigger(spec);
			const content = checkContent({ sender: spec.sender, message: spec.message, pin: spec.pin });
			const r = findOpen(orderId);
			r.scripts.push({ ...trigger, content });
			return snapshot(r);
		},
	};

	reset();
	return {
		api,
		match,
		handle,
		reset,
		purchases: () => state.rentals.size,
		state: () => ({ balance: api.balance(), rentals: api.rentals() }),
	};
}

module.exports = { createOtpVerified };
