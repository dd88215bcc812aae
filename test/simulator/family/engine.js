'use strict';
// One server of the sms-activate family: its own account (balance, catalog, activations), served at
// `/<flavour>/stubs/handler_api.php` with `api_key` and `action` in the query. The engine decides what
// happens (money, stock, states, codes); the flavour's table (flavours/*.js) decides how each outcome
// looks on the wire, citing docs/research/sms-activate-family.md.
//
// Model (the same for every flavour): getNumber charges the cost at once; cancel (setStatus 8, or -1 where
// documented) refunds all of it; finish (setStatus 6) keeps it; an activation whose lifetime ends without
// a code is refunded, one that got a code is completed. setStatus 3 asks for another SMS (needs a code);
// setStatus 1 marks the number ready (only while waiting).

const { createRandom } = require('../random');
const { toCents, toDollars } = require('../format');
const { bearerToken } = require('../http');
const { scriptTrigger, settle, poll } = require('../scripts');
const { invalid, notFound, conflict } = require('../errors');
const { COUNTRIES, SERVICES, INITIAL_PRICES, DEFAULT_COUNTRY, countryById, countryId } = require('./catalog');

const OPEN = new Set(['waiting', 'received', 'retry']);
const OPERATORS = { 0: ['any', 'mts', 'beeline', 'megafon'], 2: ['any', 'beeline', 'tele2'], 6: ['any', 'telkomsel', 'indosat'] };

/** What every table must answer, whatever its action set. */
const REQUIRED_ANSWERS = ['badKey', 'badAction', 'balance', 'number', 'badService', 'badCountry', 'noNumbers', 'noBalance', 'status', 'noActivation', 'statusChanged', 'badStatus', 'otpReceived', 'notActive'];
/** The answers an action needs beyond those. */
const ACTION_ANSWERS = {
	getNumberV2: ['numberV2'],
	getStatusV2: ['statusV2'],
	finishActivation: ['actionDone'],
	cancelActivation: ['actionDone'],
	getPrices: ['prices', 'pricesBadFilter'],
	getPricesV2: ['pricesV2'],
	getPricesV3: ['pricesV3'],
	getCountries: ['countries'],
	getActiveActivations: ['active'],
	getNumbersStatus: ['numbersStatus'],
	getServicesList: ['servicesList'],
	getOperators: ['operators'],
};

/** Checks a table once, at start: a missing answer is a bug in the table, not a request's problem. */
function checkTable(table) {
	const missing = [...REQUIRED_ANSWERS, ...table.actions.flatMap((a) => ACTION_ANSWERS[a] ?? [])].filter(
		(key) => typeof table.answers[key] !== 'function' && typeof table.answers[key] !== 'object',
	);
	if (missing.length > 0) throw new Error(`flavour ${table.name} has no answers for ${missing.join(', ')}`);
	for (const code of table.statuses) {
		if (typeof table.answers.statusChanged[code] !== 'function') throw new Error(`flavour ${table.name} has no answer for setStatus ${code}`);
	}
	if (table.earlyCancel && typeof table.answers.earlyCancelDenied !== 'function') {
		throw new Error(`flavour ${table.name} documents early cancel but has no earlyCancelDenied answer`);
	}
}

/** The options every flavour has, beside its table's own. */
function engineOptions(table, activationLifetimeMs) {
	const options = {
		activationLifetimeMs: {
			default: activationLifetimeMs,
			check: (v) => Number.isFinite(v) && v > 0,
			expects: 'a positive number of milliseconds',
		},
	};
	if (table.actions.includes('getActiveActivations')) {
		// The documented active lists show phones masked ("79********1").
		options.maskActivePhones = { default: true, values: [true, false] };
	}
	if (table.earlyCancel) {
		// Off by default so tests can cancel at once; 120000 is the documented window.
		options.earlyCancelMs = { default: 0, check: (v) => Number.isFinite(v) && v >= 0, expects: 'a number of milliseconds >= 0' };
	}
	return { ...options, ...table.options };
}

function createFlavour({ table, clock, seed, tokens, balance, activationLifetimeMs, autoDeliver, onCode }) {
	checkTable(table);
	const A = table.answers;
	const validTokens = new Set(tokens);
	const optionSpecs = engineOptions(table, activationLifetimeMs);
	const defaults = () => Object.fromEntries(Object.entries(optionSpecs).map(([k, spec]) => [k, spec.default]));
	let origin = '';
	let state;
	let opts;

	const lifecycle = {
		isOpen: (a) => OPEN.has(a.status),
		endsAt: (a) => a.expiresAt,
		end(a) {
			if (a.status === 'waiting') {
				a.status = 'expired';
				refund(a);
			} else {
				a.status = 'finished';
			}
		},
		deliver: (a, script, at) => receive(a, script.code, script.text, at),
	};

	function reset() {
		state = {
			rng: createRandom(seed),
			balanceCents: toCents(balance, 'balance'),
			prices: new Map(),
			activations: new Map(),
			nextId: table.firstId,
			refusals: [],
			orders: new Set(),
		};
		opts = defaults();
		for (const [country, service, dollars, count, physicalCount] of INITIAL_PRICES) {
			state.prices.set(`${country}:${service}`, { country, service, costCents: toCents(dollars), count, physicalCount });
		}
	}

	function refund(a) {
		state.balanceCents += a.costCents;
		a.refundedCents = a.costCents;
	}

	function receive(a, code, text, at) {
		const sms = { code, text: text ?? `Your ${SERVICES[a.service]} code: ${code}`, at };
		a.codes.push(sms);
		a.status = 'received';
		onCode?.(view(a), { ...sms });
	}

	const settleAll = () => {
		const now = clock.now();
		for (const a of state.activations.values()) settle(a, now, lifecycle);
	};

	/** What a table's answers see of an activation (see shapes.js). */
	function view(a) {
		const country = countryById(a.country);
		const last = a.codes[a.codes.length - 1];
		return {
			id: a.id,
			phone: a.phone,
			service: a.service,
			serviceName: SERVICES[a.service],
			country: a.country,
			countryName: country.eng,
			countryPhoneCode: country.phoneCode,
			cost: toDollars(a.costCents),
			costCents: a.costCents,
			operator: a.operator,
			createdAt: a.createdAt,
			expiresAt: a.expiresAt,
			status: a.status,
			state: a.status === 'received' ? 'ok' : a.status,
			code: last?.code ?? null,
			text: last?.text ?? null,
			codeAt: last?.at ?? null,
			codes: a.codes.map((c) => ({ ...c })),
			ready: a.ready,
		};
	}

	const snapshot = (a) => ({
		id: a.id,
		phone: a.phone,
		service: a.service,
		country: a.country,
		cost: toDollars(a.costCents),
		status: a.status,
		ready: a.ready,
		refunded: toDollars(a.refundedCents),
		codes: a.codes.map((c) => ({ ...c })),
		polls: a.polls,
		createdAt: a.createdAt,
		expiresAt: a.expiresAt,
	});

	const priceRow = (p) => ({
		country: p.country,
		service: p.service,
		cost: toDollars(p.costCents),
		count: p.count,
		physicalCount: p.physicalCount,
	});

	function buy(query, success, { v2 = false } = {}) {
		const now = clock.now();
		if (state.refusals.length > 0) {
			const head = state.refusals[0];
			head.remaining -= 1;
			if (head.remaining <= 0) state.refusals.shift();
			return table.refusals[head.reason](opts, now);
		}
		const { service } = query;
		if (!service || !Object.hasOwn(SERVICES, service)) return A.badService(opts);
		const country = countryId(query.country ?? DEFAULT_COUNTRY);
		if (country === undefined) return A.badCountry(opts);
		const price = state.prices.get(`${country}:${service}`);
		if (!price) return A.noNumbers(opts);
		if (query.maxPrice !== undefined && A.wrongMaxPrice && Number(query.maxPrice) < toDollars(price.costCents)) {
			return A.wrongMaxPrice(toDollars(price.costCents), opts);
		}
		if (price.count === 0) return A.noNumbers(opts);
		const orderId = v2 && A.orderAlreadyExists ? query.orderId : undefined;
		if (orderId !== undefined && state.orders.has(orderId)) return A.orderAlreadyExists(opts);
		if (state.balanceCents < price.costCents) return A.noBalance(opts);

		state.balanceCents -= price.costCents;
		price.count -= 1;
		if (price.physicalCount > 0) price.physicalCount -= 1;
		if (orderId !== undefined) state.orders.add(orderId);
		const a = {
			id: String(state.nextId),
			phone: countryById(country).phone(state.rng),
			service,
			country,
			operator: query.operator || 'any',
			costCents: price.costCents,
			refundedCents: 0,
			createdAt: now,
			expiresAt: now + opts.activationLifetimeMs,
			status: 'waiting',
			ready: false,
			codes: [],
			polls: 0,
			scripts: [],
		};
		// Gaps between ids, as on a shared server.
		state.nextId += state.rng.int(1, 16);
		if (autoDeliver) a.scripts.push({ afterPolls: autoDeliver.afterPolls, code: state.rng.digits(6) });
		state.activations.set(a.id, a);
		return success(view(a), opts);
	}

	function changeStatus(query, code, via) {
		const { id } = query;
		if (id === undefined || !/^\d+$/.test(id)) return (A.wrongActivationId ?? A.noActivation)(opts);
		const a = state.activations.get(id);
		if (!a) return A.noActivation(opts);
		if (!/^-?\d+$/.test(code ?? '') || !table.statuses.includes(Number(code))) return A.badStatus(opts);
		const now = clock.now();
		settle(a, now, lifecycle);
		if (!lifecycle.isOpen(a)) return A.notActive(opts);
		const done = via === 'action' ? () => A.actionDone(opts) : () => A.statusChanged[code](opts);
		switch (Number(code)) {
			case 1:
				if (a.status !== 'waiting') return A.badStatus(opts);
				a.ready = true;
				return done();
			case 3:
				if (a.codes.length === 0) return A.badStatus(opts);
				a.status = 'retry';
				return done();
			case 6:
				if (a.codes.length === 0) return A.badStatus(opts);
				a.status = 'finished';
				a.scripts = [];
				return done();
			default: {
				// 8, and -1 where documented: cancel.
				if (a.codes.length > 0) return A.otpReceived(opts);
				if (opts.earlyCancelMs > 0 && now - a.createdAt < opts.earlyCancelMs) {
					return A.earlyCancelDenied(Math.ceil(opts.earlyCancelMs / 1000), opts);
				}
				a.status = 'cancelled';
				a.scripts = [];
				refund(a);
				return done();
			}
		}
	}

	function findRaw(id) {
		const a = state.activations.get(String(id));
		if (!a) throw notFound(`no ${table.title} activation ${id}`);
		settle(a, clock.now(), lifecycle);
		return a;
	}

	/** The prices a getPrices request asks for, or the name of the filter that matches nothing. */
	function filteredPrices({ country, service }) {
		if (service !== undefined && !Object.hasOwn(SERVICES, service)) return { bad: 'service' };
		if (country !== undefined && countryId(country) === undefined) return { bad: 'country' };
		const rows = [...state.prices.values()]
			.filter((p) => (service === undefined || p.service === service) && (country === undefined || p.country === countryId(country)))
			.map(priceRow);
		return { rows };
	}

	function withPrices(query, answer) {
		const { rows, bad } = filteredPrices(query);
		return bad ? A.pricesBadFilter(bad, opts) : answer(rows, opts);
	}

	function status(query, answer) {
		const { id } = query;
		const a = id === undefined ? undefined : state.activations.get(id);
		if (!a) return A.noActivation(opts);
		poll(a, clock.now(), lifecycle);
		return answer(view(a), opts);
	}

	const handlers = {
		getBalance: () => A.balance(state.balanceCents, opts),
		getNumber: (q) => buy(q, A.number),
		getNumberV2: (q) => buy(q, A.numberV2, { v2: true }),
		getStatus: (q) => status(q, A.status),
		getStatusV2: (q) => status(q, A.statusV2),
		setStatus: (q) => changeStatus(q, q.status, 'setStatus'),
		finishActivation: (q) => changeStatus(q, '6', 'action'),
		cancelActivation: (q) => changeStatus(q, '8', 'action'),
		getPrices: (q) => withPrices(q, A.prices),
		getPricesV2: (q) => withPrices(q, A.pricesV2),
		getPricesV3: (q) => withPrices(q, A.pricesV3),
		getCountries: () => A.countries(COUNTRIES, opts),
		getActiveActivations: (q) =>
			A.active(
				[...state.activations.values()].filter((a) => lifecycle.isOpen(a)).map(view),
				opts,
				q,
			),
		getNumbersStatus(q) {
			const country = countryId(q.country ?? DEFAULT_COUNTRY);
			const counts = {};
			for (const p of state.prices.values()) if (p.country === country) counts[p.service] = p.count;
			return A.numbersStatus(counts, opts, q);
		},
		getServicesList: () => A.servicesList(Object.entries(SERVICES).map(([code, name]) => ({ code, name })), opts),
		getOperators(q) {
			const wanted = q.country === undefined ? COUNTRIES.map((c) => c.id) : [countryId(q.country)].filter((c) => c !== undefined);
			return A.operators(Object.fromEntries(wanted.map((c) => [c, OPERATORS[c] ?? ['any']])), opts);
		},
	};
	for (const action of table.actions) if (!handlers[action]) throw new Error(`flavour ${table.name}: no handler for ${action}`);

	const path = `/${table.name}/stubs/handler_api.php`;

	/** This flavour's call, or null when the URL is not its endpoint (the path's case is not significant). */
	function match(pathname, searchParams, headers) {
		if (pathname.toLowerCase() !== path.toLowerCase()) return null;
		const { api_key: apiKey, action, ...query } = Object.fromEntries(searchParams);
		const token = apiKey ?? (table.bearer ? bearerToken(headers.authorization) : undefined);
		return { route: action ?? '', query, token };
	}

	function handle({ route, query, token }) {
		settleAll();
		if (!validTokens.has(token)) return A.badKey(opts);
		if (!table.actions.includes(route)) return A.badAction(opts);
		return handlers[route](query);
	}

	/** A status fault without a body, in the flavour's own form where it has one (HeroSMS's envelope). */
	const faultAnswer = (fault, message) =>
		fault.kind === 'status' && fault.body === undefined && table.faultStatus ? table.faultStatus(fault.status, message) : undefined;

	function codeOrRandom(code) {
		if (code === undefined || code === null) return state.rng.digits(6);
		if (typeof code !== 'string' || code === '') throw invalid(`a code must be a non-empty string, got ${code}`);
		return code;
	}
	function textOrDefault(text) {
		if (text !== undefined && typeof text !== 'string') throw invalid(`an SMS text must be a string, got ${text}`);
		return text;
	}
	function findOpen(id) {
		const a = findRaw(id);
		if (!lifecycle.isOpen(a)) throw conflict(`${table.title} activation ${id} is ${a.status}`);
		return a;
	}

	const api = {
		name: table.name,
		title: table.title,
		research: table.research,
		get url() {
			return `${origin}${path}`;
		},
		demoKey: table.demoKey,
		actions: [...table.actions],
		statuses: [...table.statuses],
		webhooks: Boolean(table.webhook),
		refusalReasons: Object.keys(table.refusals),
		setBalance(dollars) {
			state.balanceCents = toCents(dollars, 'balance');
		},
		balance() {
			settleAll();
			return toDollars(state.balanceCents);
		},
		setPrice(country, service, { cost, count, physicalCount } = {}) {
			const id = countryId(country);
			if (id === undefined) throw invalid(`unknown ${table.title} country ${country} (ids: ${COUNTRIES.map((c) => c.id).join(', ')})`);
			if (!Object.hasOwn(SERVICES, service)) throw invalid(`unknown service ${service} (${Object.keys(SERVICES).join(', ')})`);
			for (const [name, value] of [['count', count], ['physicalCount', physicalCount]]) {
				if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw invalid(`${name} must be a non-negative integer, got ${value}`);
			}
			const key = `${id}:${service}`;
			const existing = state.prices.get(key);
			if (!existing) {
				if (cost === undefined) throw invalid(`a new price for ${id}.${service} needs a cost`);
				state.prices.set(key, { country: id, service, costCents: toCents(cost, 'cost'), count: count ?? 100, physicalCount: physicalCount ?? 0 });
				return priceRow(state.prices.get(key));
			}
			if (cost !== undefined) existing.costCents = toCents(cost, 'cost');
			if (count !== undefined) existing.count = count;
			if (physicalCount !== undefined) existing.physicalCount = physicalCount;
			return priceRow(existing);
		},
		prices: () => [...state.prices.values()].map(priceRow),
		options: () => ({ ...opts }),
		configure(changes = {}) {
			if (typeof changes !== 'object' || changes === null) throw invalid('configure needs an object of options');
			const next = { ...opts };
			for (const [key, value] of Object.entries(changes)) {
				const spec = optionSpecs[key];
				if (!spec) {
					throw invalid(`${table.title} has no option ${key} (it has ${Object.keys(optionSpecs).join(', ')}; see ${table.research})`);
				}
				const ok = spec.values ? spec.values.includes(value) : spec.check(value);
				if (!ok) throw invalid(`${table.title} option ${key} must be ${spec.values ? spec.values.map((v) => JSON.stringify(v)).join(' or ') : spec.expects}, got ${JSON.stringify(value)}`);
				next[key] = value;
			}
			opts = next;
			return { ...opts };
		},
		refuse(reason, times = 1) {
			if (!Object.hasOwn(table.refusals, reason)) {
				throw invalid(`${table.title} documents no refusal ${reason} (it has ${Object.keys(table.refusals).join(', ')})`);
			}
			if (!(times === Infinity || (Number.isInteger(times) && times > 0))) throw invalid(`times must be a positive integer, got ${times}`);
			state.refusals.push({ reason, remaining: times });
		},
		activation: (id) => snapshot(findRaw(id)),
		activations: () => [...state.activations.keys()].map((id) => snapshot(findRaw(id))),
		deliverCode(id, code, { text } = {}) {
			const a = findOpen(id);
			receive(a, codeOrRandom(code), textOrDefault(text), clock.now());
			return snapshot(a);
		},
		scriptCode(id, spec) {
			const trigger = scriptTrigger(spec);
			const a = findOpen(id);
			a.scripts.push({ ...trigger, code: codeOrRandom(spec.code), text: textOrDefault(spec.text) });
			return snapshot(a);
		},
		requestRetry(id) {
			const a = findOpen(id);
			if (a.codes.length === 0) throw conflict(`${table.title} activation ${id} has no code to retry (${a.status})`);
			a.status = 'retry';
			return snapshot(a);
		},
		finish(id) {
			const a = findOpen(id);
			if (a.codes.length === 0) throw conflict(`${table.title} activation ${id} has no code to finish with`);
			a.status = 'finished';
			a.scripts = [];
			return snapshot(a);
		},
	};

	/** A view for a webhook body about an activation that does not exist (for receiver tests). */
	function sampleView(id) {
		const now = clock.now();
		const a = {
			id: String(id),
			phone: countryById(2).phone(createRandom(seed + 1)),
			service: 'tg',
			country: 2,
			operator: 'any',
			costCents: 50,
			createdAt: now,
			expiresAt: now + opts.activationLifetimeMs,
			status: 'received',
			ready: false,
			codes: [],
		};
		return view(a);
	}

	reset();
	return {
		name: table.name,
		table,
		api,
		match,
		handle,
		reset,
		settleAll,
		faultAnswer,
		sampleView,
		/** An id no activation of this flavour has (ids start at firstId and only grow). */
		unknownId: () => String(table.firstId - 1),
		hasActivation: (id) => state.activations.has(String(id)),
		setOrigin(url) {
			origin = url;
		},
		purchases: () => state.activations.size,
		state: () => ({
			balance: api.balance(),
			options: api.options(),
			prices: api.prices(),
			activations: api.activations(),
			refusals: state.refusals.map((r) => ({ ...r })),
		}),
	};
}

module.exports = { createFlavour };
