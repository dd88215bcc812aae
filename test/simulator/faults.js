'use strict';
// Injected faults: what a flaky network or a misbehaving server does to one call. Faults are queued per
// provider and route and consumed in order, one per request that reaches the route; `times` repeats one.
// The sms-activate family's flavours are providers here too (route = the `action`); a status fault without a
// body answers in the flavour's own form where it has one (HeroSMS's JSON envelope), plain text otherwise.

const { STATUS_CODES } = require('node:http');
const { text, json, html, verbatim } = require('./http');
const { invalid } = require('./errors');
const { FLAVOURS } = require('./family');

// RentVerify, OTPVerified, and every flavour of the sms-activate family (faults apply to its actions).
const PROVIDERS = ['rentVerify', 'otpVerified', ...FLAVOURS];
const KINDS = ['latency', 'hang', 'status', 'html', 'empty', 'word', 'resetBefore', 'resetAfter', 'rateLimit', 'errorSql'];

const NGINX_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
	'<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function validate(provider, route, spec) {
	if (!PROVIDERS.includes(provider)) throw invalid(`provider must be one of ${PROVIDERS.join(', ')}, got ${provider}`);
	if (typeof route !== 'string' || route === '') throw invalid('a fault needs the route it applies to');
	const { kind, times = 1 } = spec ?? {};
	if (!KINDS.includes(kind)) throw invalid(`fault kind must be one of ${KINDS.join(', ')}, got ${kind}`);
	if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
		throw invalid(`times must be a positive integer or Infinity, got ${times}`);
	}
	if (kind === 'latency' && !(Number.isFinite(spec.ms) && spec.ms >= 0)) throw invalid('a latency fault needs ms >= 0');
	if (kind === 'status' && !(Number.isInteger(spec.status) && spec.status >= 500 && spec.status <= 599)) {
		throw invalid(`a status fault needs a 5xx status (the server did not act), got ${spec.status}`);
	}
	if ((kind === 'status' && spec.body !== undefined) || kind === 'word') {
		if (typeof spec.body !== 'string') throw invalid(`the ${kind} fault's body must be a string`);
	}
	if (kind === 'word' && spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 100 && spec.status <= 599)) {
		throw invalid(`a word fault's status must be an HTTP status, got ${spec.status}`);
	}
	if (kind === 'errorSql' && provider === 'otpVerified') {
		throw invalid('errorSql is an sms-activate word: RentVerify only (and the sms-activate flavours), not OTPVerified');
	}
	return { ...spec, times };
}

function createFaults() {
	let queues = new Map();
	const key = (provider, route) => `${provider} ${route}`;
	return {
		add(provider, route, spec) {
			const fault = { provider, route, ...validate(provider, route, spec) };
			const k = key(provider, route);
			if (!queues.has(k)) queues.set(k, []);
			queues.get(k).push({ fault, remaining: fault.times });
		},
		/** The fault for this request, if any, consuming one of its repetitions. */
		take(provider, route) {
			const queue = queues.get(key(provider, route));
			if (!queue?.length) return null;
			const head = queue[0];
			head.remaining -= 1;
			if (head.remaining <= 0) queue.shift();
			return head.fault;
		},
		clear() {
			queues = new Map();
		},
		pending: () => [...queues.values()].flat().map(({ fault, remaining }) => ({ ...fault, remaining })),
	};
}

/** The answer of a fault that answers at all (not latency, hang or the resets), in the provider's own style. */
function faultAnswer(fault) {
	const asProvider = (status, message, headers) =>
		fault.provider === 'otpVerified'
			? json(status, { statusCode: status, message, success: false }, headers)
			: text(status, message, headers);
	switch (fault.kind) {
		case 'status':
			return fault.body === undefined ? asProvider(fault.status, STATUS_CODES[fault.status]) : verbatim(fault.status, fault.body);
		case 'html':
			return html(502, NGINX_502);
		case 'empty':
			return { ...asProvider(200, ''), body: '' };
		case 'word':
			return verbatim(fault.status ?? 200, fault.body);
		case 'rateLimit':
			return asProvider(429, fault.provider === 'otpVerified' ? 'ThrottlerException: Too Many Requests' : 'Too Many Requests', {
				'retry-after': '1',
			});
		case 'errorSql':
			return text(200, 'ERROR_SQL');
		default:
			throw new Error(`fault kind ${fault.kind} does not answer`);
	}
}

module.exports = { createFaults, faultAnswer, PROVIDERS };
