'use strict';
// The control API under /__sim/: the same levers tests pull in-process (deliver a code, inject a fault,
// move the clock), over HTTP for a person with curl or another process. No auth, so loopback only.
// The sms-activate family's flavours are under /__sim/flavours/<flavour>/, webhook attempts at /__sim/webhooks.

const { json } = require('./http');
const { invalid } = require('./errors');
const { PROVIDERS } = require('./faults');
const { flavourName } = require('./family');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** 'rentverify' from a URL or a person's curl means 'rentVerify'. */
function providerName(name) {
	const found = PROVIDERS.find((p) => p.toLowerCase() === String(name).toLowerCase());
	if (!found) throw invalid(`provider must be one of ${PROVIDERS.join(', ')}, got ${name}`);
	return found;
}

function createControl(sim) {
	const routes = [
		['GET', /^\/__sim\/state$/, () => sim.state()],
		['GET', /^\/__sim\/requests$/, () => sim.requests],
		['POST', /^\/__sim\/reset$/, () => (sim.reset(), { ok: true })],
		['POST', /^\/__sim\/advance$/, (_, { ms }) => (sim.advanceTime(ms), { now: sim.now() })],
		[
			'POST',
			/^\/__sim\/faults$/,
			(_, { provider, route, ...spec }) => (sim.fault(providerName(provider), route, spec), { faults: sim.state().faults }),
		],
		['DELETE', /^\/__sim\/faults$/, () => (sim.clearFaults(), { faults: [] })],
		[
			'POST',
			/^\/__sim\/rentverify\/balance$/,
			(_, { balance }) => (sim.rentVerify.setBalance(balance), { balance: sim.rentVerify.balance() }),
		],
		['POST', /^\/__sim\/rentverify\/activations\/([^/]+)\/code$/, ([id], { code }) => sim.rentVerify.deliverCode(id, code)],
		['POST', /^\/__sim\/rentverify\/activations\/([^/]+)\/retry$/, ([id]) => sim.rentVerify.requestRetry(id)],
		['POST', /^\/__sim\/rentverify\/activations\/([^/]+)\/finish$/, ([id]) => sim.rentVerify.finish(id)],
		[
			'POST',
			/^\/__sim\/otpverified\/balance$/,
			(_, { balance }) => (sim.otpVerified.setBalance(balance), { balance: sim.otpVerified.balance() }),
		],
		[
			'POST',
			/^\/__sim\/otpverified\/rentals\/([^/]+)\/messages$/,
			([orderId], { sender, message, pin }) => sim.otpVerified.addMessage(orderId, { sender, message, pin }),
		],
		// The sms-activate family's flavours: /__sim/flavours/<flavour>/… (the flavour's case does not matter).
		[
			'GET',
			/^\/__sim\/flavours$/,
			() =>
				Object.values(sim.flavours).map((f) => ({
					name: f.name,
					title: f.title,
					url: f.url,
					demoKey: f.demoKey,
					actions: f.actions,
					statuses: f.statuses,
					webhooks: f.webhooks,
					refusalReasons: f.refusalReasons,
					research: f.research,
				})),
		],
		['GET', /^\/__sim\/flavours\/([^/]+)$/, ([f]) => sim.state().flavours[flavourName(f)]],
		[
			'POST',
			/^\/__sim\/flavours\/([^/]+)\/balance$/,
			([f], { balance }) => (flavour(f).setBalance(balance), { balance: flavour(f).balance() }),
		],
		[
			'POST',
			/^\/__sim\/flavours\/([^/]+)\/prices$/,
			([f], { country, service, cost, count, physicalCount }) => flavour(f).setPrice(country, service, { cost, count, physicalCount }),
		],
		['POST', /^\/__sim\/flavours\/([^/]+)\/options$/, ([f], changes) => flavour(f).configure(changes)],
		[
			'POST',
			/^\/__sim\/flavours\/([^/]+)\/refusals$/,
			([f], { reason, times }) => (flavour(f).refuse(reason, times), { refusals: sim.state().flavours[flavourName(f)].refusals }),
		],
		[
			'POST',
			/^\/__sim\/flavours\/([^/]+)\/activations\/([^/]+)\/code$/,
			([f, id], { code, text }) => flavour(f).deliverCode(id, code, { text }),
		],
		['POST', /^\/__sim\/flavours\/([^/]+)\/activations\/([^/]+)\/script$/, ([f, id], spec) => flavour(f).scriptCode(id, spec)],
		['POST', /^\/__sim\/flavours\/([^/]+)\/activations\/([^/]+)\/retry$/, ([f, id]) => flavour(f).requestRetry(id)],
		['POST', /^\/__sim\/flavours\/([^/]+)\/activations\/([^/]+)\/finish$/, ([f, id]) => flavour(f).finish(id)],
		[
			'POST',
			/^\/__sim\/flavours\/([^/]+)\/webhook$/,
			([f], { url, ...options }) => ({ webhook: sim.setWebhook(f, url ?? null, options) }),
		],
		[
			'POST',
			/^\/__sim\/flavours\/([^/]+)\/webhook\/send$/,
			// Answers at once; the attempts appear in /__sim/webhooks as they happen.
			([f], { kind, ...options }) => (sim.sendWebhook(f, kind, options), { sent: kind }),
		],
		['GET', /^\/__sim\/webhooks$/, () => sim.webhookDeliveries],
	];
	const flavour = (name) => sim.flavours[flavourName(name)];

	/** Answers one control request; `raw` is the request body as text. */
	return function handleControl({ method, pathname, raw, remoteAddress }) {
		if (!LOOPBACK.has(remoteAddress)) return json(403, { error: 'the control API answers on loopback only' });
		const route = routes.find(([m, pattern]) => m === method && pattern.test(pathname));
		if (!route) return json(404, { error: `no control route ${method} ${pathname}` });
		let body;
		try {
			body = raw === '' ? {} : JSON.parse(raw);
		} catch {
			return json(400, { error: 'the body must be JSON' });
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			return json(400, { error: 'the body must be a JSON object' });
		}
		const params = route[1].exec(pathname).slice(1).map(decodeURIComponent);
		try {
			return json(200, route[2](params, body));
		} catch (error) {
			if (error.status === undefined) throw error;
			return json(error.status, { error: error.message });
		}
	};
}

module.exports = { createControl };
