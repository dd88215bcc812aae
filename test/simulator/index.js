'use strict';
// Provider simulator: RentVerify and OTPVerified on one local HTTP server, with a clock tests can move,
// scripted code delivery, injected faults and a log of every request. See index.d.ts for the public API
// and docs/PROVIDERS.md for the contract it follows. Beside them, the servers of the sms-activate protocol
// family, one flavour each (family/, following docs/research/sms-activate-family.md), with webhook push.

const http = require('node:http');
const { STATUS_CODES } = require('node:http');
const { createClock } = require('./clock');
const { createRentVerify } = require('./rentVerify');
const { createOtpVerified } = require('./otpVerified');
const { createFaults, faultAnswer } = require('./faults');
const { createFamily, FLAVOURS, DEMO_FLAVOUR_KEYS, WEBHOOK_KINDS, flavourName } = require('./family');
const { createControl } = require('./control');
const { text, send, readBody, parseBody } = require('./http');

const DEMO_RENTVERIFY_TOKEN = '06737009300a744a75f067d8b7d40cc691d3f9db253c790c3c4f40d5ecabfe39';
// A valid account whose role may not use the API: every call answers NO_ACTIVATION (403).
const NO_ROLE_RENTVERIFY_TOKEN = 'eda3ea134ef741bff2eac3b198b48950b4e0448e5bcc59730e54e5af0e11a45e';
const DEMO_OTPVERIFIED_TOKEN = 'otpv_demo_275546d6d7bdd4ff6087511f';

const DEFAULTS = {
	port: 0,
	host: '127.0.0.1',
	autoDeliver: null,
	seed: 20260308,
	startTime: undefined,
	activationLifetimeMs: 20 * 60_000,
	finishAfterCodeMs: null,
	rentVerifyBalance: 25.5,
	otpVerifiedBalance: 50,
	flavourBalance: 25.5,
};

async function startSimulator(options = {}) {
	const o = { ...DEFAULTS, ...options };
	const clock = createClock(o.startTime);
	const providers = {
		rentVerify: createRentVerify({
			clock,
			seed: o.seed,
			tokens: o.rentVerifyTokens ?? [DEMO_RENTVERIFY_TOKEN],
			noRoleTokens: [NO_ROLE_RENTVERIFY_TOKEN],
			balance: o.rentVerifyBalance,
			activationLifetimeMs: o.activationLifetimeMs,
			finishAfterCodeMs: o.finishAfterCodeMs,
			autoDeliver: o.autoDeliver,
		}),
		otpVerified: createOtpVerified({
			clock,
			seed: o.seed,
			tokens: o.otpVerifiedTokens ?? [DEMO_OTPVERIFIED_TOKEN],
			balance: o.otpVerifiedBalance,
			autoDeliver: o.autoDeliver,
		}),
	};
	const family = createFamily({
		clock,
		seed: o.seed,
		// Each flavour takes RentVerify's demo token and its own demo key, unless the test lists the keys.
		tokens: (name) => o.flavourTokens ?? [DEMO_RENTVERIFY_TOKEN, DEMO_FLAVOUR_KEYS[name]],
		balance: o.flavourBalance,
		activationLifetimeMs: o.activationLifetimeMs,
		autoDeliver: o.autoDeliver,
	});
	for (const name of FLAVOURS) providers[name] = family.engines[name];
	const faults = createFaults();
	const latencyTimers = new Set();
	let requests = [];

	function later(ms, action) {
		const timer = setTimeout(() => {
			latencyTimers.delete(timer);
			action();
		}, ms);
		latencyTimers.add(timer);
	}

	async function onProviderRequest(req, res, url, name, matched) {
		const raw = await readBody(req);
		const entry = {
			seq: requests.length + 1,
			provider: name,
			route: matched.route,
			method: req.method,
			path: url.pathname,
			query: matched.query,
			body: parseBody(raw),
			at: clock.now(),
			status: null,
			outcome: null,
		};
		requests.push(entry);
		// Whatever closes the connection before an answer (the client giving up, sim.close()) is a timeout.
		res.on('close', () => {
			if (entry.outcome === null) entry.outcome = 'timeout';
		});

		const act = () => providers[name].handle({ ...matched, method: req.method, path: url.pathname, body: entry.body });
		const answer = (response) => {
			if (res.destroyed) return; // the client left during a latency fault; the action still happened
			entry.status = response.status;
			entry.outcome = 'answered';
			send(res, response);
		};
		const cut = (outcome) => {
			entry.outcome = outcome;
			req.socket.destroy();
		};

		const fault = faults.take(name, matched.route);
		switch (fault?.kind) {
			case undefined:
				return answer(act());
			case 'latency':
				return later(fault.ms, () => answer(act()));
			case 'hang':
				return undefined; // never answer; the close listener records the timeout
			case 'resetBefore':
				return cut('reset-before');
			case 'resetAfter':
				act(); // spends money and changes state like a real answer would; only the answer is lost
				return cut('reset-after');
			default:
				return answer(providers[name].faultAnswer?.(fault, STATUS_CODES[fault.status]) ?? faultAnswer(fault));
		}
	}

	let control;
	async function onRequest(req, res) {
		const url = new URL(req.url, 'http://simulator');
		if (url.pathname.startsWith('/__sim/')) {
			const raw = await readBody(req);
			return send(res, control({ method: req.method, pathname: url.pathname, raw, remoteAddress: req.socket.remoteAddress }));
		}
		for (const [name, provider] of Object.entries(providers)) {
			const matched = provider.match(url.pathname, url.searchParams, req.headers);
			if (matched) return onProviderRequest(req, res, url, name, matched);
		}
		return send(res, text(404, 'Not Found'));
	}

	const server = http.createServer((req, res) => {
		onRequest(req, res).catch((error) => {
			if (!res.headersSent && !res.destroyed) send(res, text(500, `simulator error: ${error.stack}`));
		});
	});
	// Node's clients keep connections alive and reuse them. With the server's default 5 s keep-alive, a
	// request sent just as the server closes an idle connection is reset before it arrives: a read retries,
	// but a purchase or a setStatus is rightly never sent twice, so tests would fail by chance. Real servers
	// keep connections far longer; so does the simulator.
	server.keepAliveTimeout = 120_000;
	server.headersTimeout = 121_000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(o.port, o.host, resolve);
	});
	const { port } = server.address();
	const url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;
	family.setOrigin(url);
	const flavours = Object.freeze(Object.fromEntries(FLAVOURS.map((name) => [name, family.engines[name].api])));

	const sim = {
		url,
		rentVerifyUrl: `${url}/rentverify/api/v1`,
		otpVerifiedUrl: `${url}/otpverified/api/v1`,
		rentVerifyStubUrl: `${url}/rentverify/stubs/handler_api.php`,
		port,
		rentVerify: providers.rentVerify.api,
		otpVerified: providers.otpVerified.api,
		flavours,
		flavourUrl: (name) => flavours[flavourName(name)].url,
		setWebhook: (flavour, webhookUrl, options) => family.webhooks.set(flavourName(flavour), webhookUrl, options),
		sendWebhook: (flavour, kind, options) => family.send(flavour, kind, options),
		get webhookDeliveries() {
			return family.webhooks.deliveries;
		},
		webhooksIdle: () => family.webhooks.idle(),
		get requests() {
			return requests;
		},
		count: (provider, route) => requests.filter((r) => r.provider === provider && r.route === route).length,
		purchases: (provider) => providers[provider].purchases(),
		now: () => clock.now(),
		advanceTime(ms) {
			clock.advance(ms);
			// Timed codes and expiries land now, so webhooks fire without a status poll.
			family.settleAll();
		},
		fault: (provider, route, spec) => faults.add(provider, route, spec),
		clearFaults: () => faults.clear(),
		state: () => ({
			now: clock.now(),
			rentVerify: providers.rentVerify.state(),
			otpVerified: providers.otpVerified.state(),
			flavours: family.state(),
			faults: faults.pending(),
		}),
		reset() {
			clock.reset();
			providers.rentVerify.reset();
			providers.otpVerified.reset();
			family.reset();
			faults.clear();
			requests = [];
		},
		close() {
			for (const timer of latencyTimers) clearTimeout(timer);
			latencyTimers.clear();
			family.webhooks.stop();
			return new Promise((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive and hanging sockets would otherwise hold the server (and jest) open.
				server.closeAllConnections();
				// Their close events may come after this promise settles; the log is final now.
				for (const entry of requests) if (entry.outcome === null) entry.outcome = 'timeout';
			});
		},
	};
	control = createControl(sim);
	return sim;
}

module.exports = {
	startSimulator,
	DEMO_RENTVERIFY_TOKEN,
	DEMO_OTPVERIFIED_TOKEN,
	NO_ROLE_RENTVERIFY_TOKEN,
	FLAVOURS,
	DEMO_FLAVOUR_KEYS,
	WEBHOOK_KINDS,
};
