// The fault matrix (README, "Reliability") for the SMS-Activate Protocol node's own operations, beyond those it
// shares with RentVerify (reliability.faultMatrix.test.ts): Mark a number as ready (setStatus 1), Request another
// SMS (setStatus 3), Finish an activation (setStatus 6), Get available numbers (getNumbersStatus), and Buy a number
// where the server buys with getNumberV2 — each × every fault the simulator injects, at two servers: HeroSMS (real
// HTTP statuses, a JSON error envelope) and sms-activate itself (plain-text answers), through the credential's
// Custom server. Mark Ready is in the table only where the server documents setStatus 1 (HeroSMS does not).
//
// In every cell: a setStatus or a purchase reaches the simulator exactly once; a read recovers (the fault once,
// then the answer) or fails with an error that says what happened; and the ledger moves by exactly what the user
// was told: the cost in the output, nothing after a clear error, and, after an error that says the request "may
// have gone through", whatever the server did.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { RETRY_POLICY } from '../../nodes/shared/transport/request';
import type { FaultSpec, Flavour } from '../simulator';
import { DEMO_RENTVERIFY_TOKEN, byId, cents, sa, sleepMs, useSuite, type NodeCall } from './support';

const suite = useSuite();

// ---------------------------------------------------------------------------------------------------------------
// The faults (the simulator's fault kinds), and the table
// ---------------------------------------------------------------------------------------------------------------

/** The transport's timeout in the latency cells (30 s otherwise), and the latency beyond it. */
const TIMEOUT_MS = 1000;
const LATENCY_MS = 1600;

const FAULTS = ['none', 'latency', '5xx', 'html', 'empty', 'resetBefore', 'resetAfter', 'unknownWord', '429', 'errorSql'] as const;
type Fault = (typeof FAULTS)[number];

function faultSpec(fault: Fault): FaultSpec | undefined {
	switch (fault) {
		case 'none':
			return undefined;
		case 'latency':
			return { kind: 'latency', ms: LATENCY_MS };
		case '5xx':
			return { kind: 'status', status: 503 };
		case 'html':
			return { kind: 'html' };
		case 'empty':
			return { kind: 'empty' };
		case 'resetBefore':
			return { kind: 'resetBefore' };
		case 'resetAfter':
			return { kind: 'resetAfter' };
		case 'unknownWord':
			return { kind: 'word', body: 'STRANGE_WORD:42' };
		case '429':
			return { kind: 'rateLimit' };
		case 'errorSql':
			return { kind: 'errorSql' };
	}
}

/** The two servers: HeroSMS by its listed name, sms-activate (closed) as a Custom server, named by its host. */
const SERVERS = {
	HeroSMS: { server: 'heroSms', flavour: 'heroSms', name: 'HeroSMS' },
	'sms-activate': { server: 'custom', flavour: 'smsActivate', name: '127.0.0.1' },
} as const satisfies Record<string, { server: string; flavour: Flavour; name: string }>;
type ServerLabel = keyof typeof SERVERS;

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a fault's error says when the call is not (or no longer) retried. */
function faultMessage(fault: Fault, label: ServerLabel): RegExp {
	const name = esc(SERVERS[label].name);
	const messages: Record<Fault, RegExp> = {
		none: /^$/,
		latency: /ETIMEDOUT|did not answer within/,
		// HeroSMS answers a 5xx in its JSON envelope, which the error quotes; sms-activate in plain text.
		'5xx':
			label === 'HeroSMS'
				? /^HeroSMS answered with an error: "SERVICE_UNAVAILABLE: Service Unavailable" \(HTTP 503\)$/
				: new RegExp(`^${name} gave an unexpected answer \\(HTTP 503\\): "Service Unavailable"$`),
		html: new RegExp(`^${name} answered with an HTML page \\(HTTP 502, "502 Bad Gateway"\\) instead of an API answer$`),
		empty: new RegExp(`^${name} answered with an empty body \\(HTTP 200\\)$`),
		resetBefore: /ECONNRESET/,
		resetAfter: /ECONNRESET/,
		unknownWord: new RegExp(`^${name} gave an unexpected answer \\(HTTP 200\\): "STRANGE_WORD:42"$`),
		'429': new RegExp(`^${name} is limiting the request rate \\(HTTP 429\\)$`),
		errorSql: new RegExp(`^${name} had an internal database error \\(ERROR_SQL\\)$`),
	};
	return messages[fault];
}

/**
 * What each cell must do:
 *   ok      no fault: succeeds on the first request
 *   retry   a read: the fault, then the answer: succeeds after exactly two requests
 *   fail    a clear error naming the fault, one request, nothing changed at the server
 *   maybe-  "…request was sent (…), so it may have gone through", one request; the server had not acted
 *   maybe+  the same error, one request; the server had acted (the ledger shows it, as the error warned)
 */
type Expected = 'ok' | 'retry' | 'fail' | 'maybe-' | 'maybe+';

const TABLE: Record<string, string> = {
	//                                          none latency 5xx    html   empty  resetBefore resetAfter unknownWord 429    errorSql
	'HeroSMS Buy Number (getNumberV2)':        'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'HeroSMS Request Another SMS':             'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'HeroSMS Finish':                          'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'HeroSMS Get Available Numbers':           'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'sms-activate Mark Ready':                 'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'sms-activate Request Another SMS':        'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'sms-activate Finish':                     'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'sms-activate Get Available Numbers':      'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
};

// ---------------------------------------------------------------------------------------------------------------
// The operations (nodes/SmsActivate/v1/actions/router.ts)
// ---------------------------------------------------------------------------------------------------------------

interface Setup {
	id?: string;
}

interface Row {
	label: ServerLabel;
	/** The action the fault is put on: the operation's own request. */
	route: string;
	/** A setStatus or a purchase (sent once, never retried); `cents` is what the ledger moves when it acts. */
	sentOnce?: { action: RegExp; acted(setup: Setup, purchasesBefore: number): boolean; cents(): number };
	setup?(flavour: Flavour): Promise<Setup>;
	call(setup: Setup): NodeCall;
	/** A successful run's output, checked. */
	output(json: IDataObject[], setup: Setup): void;
	/** Money the output tells of: - spent (cents). */
	told?(json: IDataObject[]): number;
}

/** A purchase straight from the flavour (setup, not under test); returns its activation id. */
async function buyAt(flavour: Flavour): Promise<string> {
	const url = new URL(suite.sim.flavourUrl(flavour));
	url.search = new URLSearchParams({ api_key: DEMO_RENTVERIFY_TOKEN, action: 'getNumber', service: 'tg', country: '6' }).toString();
	const text = await (await fetch(url)).text();
	const match = /^ACCESS_NUMBER:(\d+):/.exec(text);
	if (!match) throw new Error(`setup purchase at ${flavour} failed: ${text}`);
	return match[1];
}
const bought = async (flavour: Flavour): Promise<Setup> => ({ id: await buyAt(flavour) });
const codeDelivered = async (flavour: Flavour): Promise<Setup> => {
	const id = await buyAt(flavour);
	suite.sim.flavours[flavour].deliverCode(id, '246810');
	return { id };
};

const activation = (label: ServerLabel, { id }: Setup) => suite.sim.flavours[SERVERS[label].flavour].activation(id as string);
/** What tg in Indonesia (country 6) costs at the flavour, in cents. */
const tgCost = (flavour: Flavour) => cents(suite.sim.flavours[flavour].prices().find((p) => p.country === 6 && p.service === 'tg')!.cost);

function setStatusRow(label: ServerLabel, operation: 'markReady' | 'requestAnotherSms' | 'finish'): Row {
	const after = { markReady: 'waiting', requestAnotherSms: 'waitingRetry', finish: 'finished' }[operation];
	const action = { markReady: /setStatus 1 \(number ready\) request/, requestAnotherSms: /setStatus 3 \(another SMS\) request/, finish: /setStatus 6 \(finish\) request/ }[operation];
	return {
		label,
		route: 'setStatus',
		sentOnce: {
			action,
			acted: (setup) => {
				const now = activation(label, setup);
				if (operation === 'markReady') return now.ready;
				return now.status === (operation === 'finish' ? 'finished' : 'retry');
			},
			// The money was spent at the purchase: neither ready, another SMS nor finish moves it.
			cents: () => 0,
		},
		setup: operation === 'markReady' ? bought : codeDelivered,
		call: ({ id }) => sa('activation', operation, { activationId: byId(id as string) }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ provider: SERVERS[label].server === 'custom' ? 'smsActivate' : 'heroSms', id, status: after })]),
	};
}

function availableRow(label: ServerLabel): Row {
	return {
		label,
		route: 'getNumbersStatus',
		call: () => sa('catalog', 'getAvailableNumbers', { country: '6' }),
		// Every service the server stocks in the country, with its count.
		output: (json) => {
			const listed = suite.sim.flavours[SERVERS[label].flavour].prices().filter((p) => p.country === 6);
			expect(listed.length).toBeGreaterThan(0);
			const byService = (rows: Array<[unknown, unknown]>) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
			expect(byService(json.map((entry) => [entry.service, entry.available]))).toEqual(byService(listed.map((p) => [p.service, p.count])));
			expect(json.every((entry) => entry.country === '6' && entry.provider === SERVERS[label].flavour)).toBe(true);
		},
	};
}

const ROWS: Record<string, Row> = {
	'HeroSMS Buy Number (getNumberV2)': {
		label: 'HeroSMS',
		route: 'getNumberV2',
		sentOnce: { action: /purchase request/, acted: (_, before) => suite.sim.purchases('heroSms') > before, cents: () => -tgCost('heroSms') },
		call: () => sa('activation', 'buyNumber', { country: '6', service: 'tg' }),
		output: (json) =>
			expect(json).toEqual([expect.objectContaining({ provider: 'heroSms', status: 'waiting', country: '6', service: 'tg', cost: tgCost('heroSms') / 100 })]),
		told: (json) => -cents(Number(json[0].cost)),
	},
	'HeroSMS Request Another SMS': setStatusRow('HeroSMS', 'requestAnotherSms'),
	'HeroSMS Finish': setStatusRow('HeroSMS', 'finish'),
	'HeroSMS Get Available Numbers': availableRow('HeroSMS'),
	'sms-activate Mark Ready': setStatusRow('sms-activate', 'markReady'),
	'sms-activate Request Another SMS': setStatusRow('sms-activate', 'requestAnotherSms'),
	'sms-activate Finish': setStatusRow('sms-activate', 'finish'),
	'sms-activate Get Available Numbers': availableRow('sms-activate'),
};

const cells = Object.entries(TABLE).flatMap(([operation, line]) => {
	const expected = line.trim().split(/\s+/) as Expected[];
	return FAULTS.map((fault, column) => ({ operation, fault, expected: expected[column] }));
});

// ---------------------------------------------------------------------------------------------------------------
// The cells
// ---------------------------------------------------------------------------------------------------------------

/** Runs with the transport's request timeout set to `ms` (a latency beyond 30 s would make a slow test). */
async function withTimeout<T>(ms: number, run: () => Promise<T>): Promise<T> {
	const saved = RETRY_POLICY.timeoutMs;
	RETRY_POLICY.timeoutMs = ms;
	try {
		return await run();
	} finally {
		RETRY_POLICY.timeoutMs = saved;
	}
}

describe('the table itself', () => {
	test('has a row per operation, one valid cell per fault, and Mark Ready only where setStatus 1 is documented', () => {
		expect(Object.keys(TABLE).sort()).toEqual(Object.keys(ROWS).sort());
		for (const [operation, line] of Object.entries(TABLE)) {
			const expected = line.trim().split(/\s+/);
			expect({ operation, cells: expected.length }).toEqual({ operation, cells: FAULTS.length });
			for (const cell of expected) expect(['ok', 'retry', 'fail', 'maybe-', 'maybe+']).toContain(cell);
			// A request that changes the activation or spends money is never retried, so it never "recovers".
			if (ROWS[operation].sentOnce) expect(expected).not.toContain('retry');
		}
		// Each server: Request Another SMS, Finish, Get Available Numbers, and Mark Ready where it documents status 1.
		for (const [label, { flavour }] of Object.entries(SERVERS)) {
			const statuses = suite.sim.flavours[flavour].statuses;
			const rows = Object.keys(ROWS).filter((operation) => ROWS[operation].label === label);
			expect(rows.includes(`${label} Mark Ready`)).toBe(statuses.includes(1));
			expect(rows).toEqual(expect.arrayContaining([`${label} Request Another SMS`, `${label} Finish`, `${label} Get Available Numbers`]));
		}
		// HeroSMS buys with getNumberV2.
		expect(suite.sim.flavours.heroSms.actions).toContain('getNumberV2');
	});
});

describe.each(Object.keys(TABLE))('%s', (operation) => {
	test.each(cells.filter((cell) => cell.operation === operation).map((cell) => [cell.fault, cell.expected] as const))(
		'× %s: %s',
		async (fault, expected) => {
			const row = ROWS[operation];
			const { server, flavour } = SERVERS[row.label];
			const credentials = suite.credentials({ smsActivateApi: { server, apiKey: DEMO_RENTVERIFY_TOKEN, baseUrl: suite.sim.flavourUrl(flavour) } });
			const setup = (await row.setup?.(flavour)) ?? {};
			const balance = () => cents(suite.sim.flavours[flavour].balance());
			const before = balance();
			const purchasesBefore = suite.sim.purchases(flavour);
			const spec = faultSpec(fault);
			if (spec) suite.sim.fault(flavour, row.route, spec);
			const sent = suite.mark();

			const result = await withTimeout(fault === 'latency' ? TIMEOUT_MS : RETRY_POLICY.timeoutMs, () =>
				suite.run(row.call(setup), { credentials }),
			);
			// A request the client gave up on is still answered (and acted on) by the simulator after its latency.
			if (fault === 'latency') {
				const first = sent(flavour, row.route)[0];
				await sleepMs(Math.max(0, first.at + LATENCY_MS + 100 - suite.sim.now()));
			}

			const requests = sent(flavour, row.route);
			const moved = balance() - before;
			const acted = row.sentOnce?.acted(setup, purchasesBefore);
			switch (expected) {
				case 'ok':
				case 'retry':
					expect(result.status).toBe('success');
					row.output(result.json, setup);
					expect(requests).toHaveLength(expected === 'ok' ? 1 : 2);
					expect(moved).toBe(row.told?.(result.json) ?? 0);
					if (row.sentOnce) expect(acted).toBe(true);
					break;
				case 'fail':
					expect(result.status).toBe('error');
					expect(result.error).toBeInstanceOf(NodeApiError);
					expect(result.error.message).toMatch(faultMessage(fault, row.label));
					expect(result.error.description).toMatch(/\S/);
					expect(requests).toHaveLength(1);
					expect(moved).toBe(0);
					if (row.sentOnce) expect(acted).toBe(false);
					break;
				case 'maybe-':
				case 'maybe+':
					expect(result.status).toBe('error');
					expect(result.error).toBeInstanceOf(NodeApiError);
					expect(result.error.message).toMatch(row.sentOnce?.action as RegExp);
					expect(result.error.message).toMatch(/request was sent \((ECONNRESET|ETIMEDOUT)\), so it may have gone through$/);
					expect(result.error.message).toMatch(faultMessage(fault, row.label));
					expect(result.error.description).toMatch(/^It was not sent again, so it happened at most once\./);
					expect(requests).toHaveLength(1);
					expect(acted).toBe(expected === 'maybe+');
					expect(moved).toBe(expected === 'maybe+' ? row.sentOnce?.cents() : 0);
					break;
			}
			// Nothing else changed the activation or the money: one purchase at most, and only where one was made.
			expect(suite.sim.purchases(flavour) - purchasesBefore).toBe(row.route === 'getNumberV2' && (expected === 'ok' || expected === 'maybe+') ? 1 : 0);
			expect(suite.sim.state().faults).toEqual([]);
		},
		15_000,
	);
});
