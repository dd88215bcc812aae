'use strict';
// Small HTTP helpers. Provider handlers return plain response objects ({status, headers, body}) instead of
// writing to the socket, so that faults can decide afterwards whether the answer is sent at all.

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

const text = (status, body, headers = {}) => ({ status, headers: { 'content-type': TEXT, ...headers }, body });
const json = (status, value, headers = {}) => ({
	status,
	headers: { 'content-type': JSON_TYPE, ...headers },
	body: JSON.stringify(value),
});
const html = (status, body) => ({ status, headers: { 'content-type': HTML }, body });

/** A body given verbatim (fault words): JSON-looking bodies go out as JSON, everything else as text. */
function verbatim(status, body) {
	const trimmed = body.trim();
	const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
	return { status, headers: { 'content-type': looksJson ? JSON_TYPE : TEXT }, body };
}

function send(res, response) {
	res.writeHead(response.status, {
		...response.headers,
		'content-length': Buffer.byteLength(response.body),
	});
	res.end(response.body);
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** JSON when it parses, the raw string when it does not (the handler then rejects it), null when empty. */
function parseBody(raw) {
	if (raw === '') return null;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function bearerToken(authorization) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	return match ? match[1] : undefined;
}

module.exports = { text, json, html, verbatim, send, readBody, parseBody, bearerToken };
