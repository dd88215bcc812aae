'use strict';
// Webhook push for the flavours that document one (their table's `webhook`): each delivered code is POSTed
// as JSON to the URL a test set, with the server's documented body, and retried on anything but HTTP 200 up to
// the documented number of attempts. The documented delays are minutes; here they are scaled down
// (`timeScale`, default 1/10000) or replaced (`retryDelaysMs`), so a whole retry chain fits in a test.
// Every attempt is recorded with its HTTP status, oldest first.

const http = require('node:http');
const https = require('node:https');
const { invalid } = require('../errors');

const DEFAULT_TIME_SCALE = 1e-4;

function checkOptions(table, url, options) {
	let parsed;
	try {
		parsed = new URL(url);
	} catch {
		throw invalid(`a webhook URL must be an absolute http(s) URL, got ${url}`);
	}
	if (!['http:', 'https:'].includes(parsed.protocol)) throw invalid(`a webhook URL must be http or https, got ${url}`);
	const { retryDelaysMs, timeScale = DEFAULT_TIME_SCALE, timeoutMs = table.webhook.timeoutMs } = options ?? {};
	if (retryDelaysMs !== undefined && !(Array.isArray(retryDelaysMs) && retryDelaysMs.every((d) => Number.isFinite(d) && d >= 0))) {
		throw invalid('retryDelaysMs must be an array of milliseconds >= 0');
	}
	if (!(Number.isFinite(timeScale) && timeScale >= 0)) throw invalid(`timeScale must be a number >= 0, got ${timeScale}`);
	if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw invalid(`timeoutMs must be a positive number, got ${timeoutMs}`);
	const documented = table.webhook.retryDelaysMs;
	const delays = retryDelaysMs ?? documented.map((d) => Math.round(d * timeScale));
	return { url, attempts: table.webhook.attempts, retryDelaysMs: delays, timeoutMs };
}

/** One POST; resolves with the HTTP status, or an error word ('timeout', 'ECONNREFUSED', …). Never rejects. */
function post(url, body, timeoutMs, track) {
	return new Promise((resolve) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		let settled = false;
		const finish = (result) => {
			if (settled) return;
			settled = true;
			track.delete(req);
			resolve(result);
		};
		const req = client.request(
			target,
			{
				method: 'POST',
				agent: false,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'sms-activate-family-simulator' },
				timeout: timeoutMs,
			},
			(res) => {
				res.resume();
				res.on('end', () => finish({ status: res.statusCode, error: null }));
				res.on('error', () => finish({ status: res.statusCode, error: null }));
			},
		);
		track.add(req);
		req.on('timeout', () => {
			req.destroy();
			finish({ status: null, error: 'timeout' });
		});
		req.on('error', (error) => finish({ status: null, error: error.code ?? error.message }));
		req.end(body);
	});
}

function createWebhooks({ clock, tables }) {
	let hooks = new Map();
	let deliveries = [];
	let generation = 0;
	let nextDelivery = 1;
	const chains = new Set();
	const sleeps = new Set();
	const requests = new Set();
	/** The last body delivered per flavour and per activation, for deliberate repeats. */
	let lastBodies = new Map();

	function stop() {
		generation += 1;
		for (const entry of sleeps) {
			clearTimeout(entry.timer);
			entry.resolve();
		}
		sleeps.clear();
		for (const req of requests) req.destroy();
		requests.clear();
	}

	function sleep(ms) {
		return new Promise((resolve) => {
			const entry = { resolve };
			entry.timer = setTimeout(() => {
				sleeps.delete(entry);
				resolve();
			}, ms);
			sleeps.add(entry);
		});
	}

	async function chain(flavour, hook, { kind, activationId, body }) {
		const mine = generation;
		const deliveryId = nextDelivery++;
		const records = [];
		for (let attempt = 1; attempt <= hook.attempts; attempt++) {
			const record = {
				seq: deliveries.length + 1,
				deliveryId,
				flavour,
				kind,
				activationId,
				url: hook.url,
				attempt,
				attempts: hook.attempts,
				body,
				at: clock.now(),
				sentAt: Date.now(),
				status: null,
				error: null,
				ok: false,
				final: false,
			};
			deliveries.push(record);
			records.push(record);
			const result = await post(hook.url, body, hook.timeoutMs, requests);
			if (mine !== generation) return records;
			record.status = result.status;
			record.error = result.error;
			// Every documenting server expects exactly 200 (docs/research/sms-activate-family.md "Webhooks").
			record.ok = result.status === 200;
			record.final = record.ok || attempt === hook.attempts;
			if (record.final) break;
			const delays = hook.retryDelaysMs;
			await sleep(delays.length === 0 ? 0 : delays[Math.min(attempt - 1, delays.length - 1)]);
			if (mine !== generation) return records;
		}
		return records;
	}

	function start(flavour, delivery) {
		const hook = hooks.get(flavour);
		if (!hook) return Promise.resolve([]);
		const running = chain(flavour, hook, delivery);
		chains.add(running);
		running.finally(() => chains.delete(running));
		return running;
	}

	function table(flavour) {
		const t = tables[flavour];
		if (!t.webhook) throw invalid(`${t.title} documents no webhook (${t.research})`);
		return t;
	}

	return {
		/** Sets (or with null clears) a flavour's webhook URL and delivery options; returns what is in force. */
		set(flavour, url, options) {
			const t = table(flavour);
			if (url === null || url === undefined) {
				hooks.delete(flavour);
				return null;
			}
			const hook = checkOptions(t, url, options);
			hooks.set(flavour, hook);
			return { ...hook, retryDelaysMs: [...hook.retryDelaysMs] };
		},
		get: (flavour) => {
			const hook = hooks.get(flavour);
			return hook ? { ...hook, retryDelaysMs: [...hook.retryDelaysMs] } : null;
		},
		/** A code arrived on an activation: push it if the flavour has a webhook. */
		onCode(flavour, view, sms) {
			const t = tables[flavour];
			if (!t.webhook || !hooks.has(flavour)) return;
			const body = JSON.stringify(t.webhook.body(view, sms));
			lastBodies.set(flavour, { activationId: view.id, body });
			lastBodies.set(`${flavour}:${view.id}`, { activationId: view.id, body });
			start(flavour, { kind: 'code', activationId: view.id, body });
		},
		/** A deliberate delivery for receiver tests; resolves with its attempts once the chain is over. */
		send(flavour, delivery) {
			table(flavour);
			if (!hooks.has(flavour)) throw invalid(`${tables[flavour].title} has no webhook URL: set one first`);
			return start(flavour, delivery);
		},
		lastBody(flavour, activationId) {
			return lastBodies.get(activationId === undefined ? flavour : `${flavour}:${activationId}`) ?? null;
		},
		get deliveries() {
			return deliveries;
		},
		/** Resolves once no delivery chain is running (including chains that start meanwhile). */
		async idle() {
			while (chains.size > 0) await Promise.allSettled([...chains]);
		},
		/** Stops every chain and pending retry; the deliveries so far stay readable. */
		stop,
		/** Stops every chain and pending retry, and forgets URLs and deliveries. */
		reset() {
			stop();
			hooks = new Map();
			deliveries = [];
			lastBodies = new Map();
			nextDelivery = 1;
		},
	};
}

module.exports = { createWebhooks, DEFAULT_TIME_SCALE };
