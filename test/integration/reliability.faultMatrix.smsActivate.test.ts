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

import type { Flavour } from '../simulator';
import { type Fault, cellsOf, escapeRegExp, expectCell, expectWellFormed, faultMessage, faultSpec, runCell } from './faultMatrix';
import { DEMO_RENTVERIFY_TOKEN, byId, cents, sa, useSuite, type NodeCall } from './support';

const suite = useSuite();

// ---------------------------------------------------------------------------------------------------------------
// The faults (the simulator's fault kinds), and the table
// ---------------------------------------------------------------------------------------------------------------

/** The two servers: HeroSMS by its listed name, sms-activate (closed) as a Custom server, named by its host. */
const SERVERS = {
	HeroSMS: { server: 'heroSms', flavour: 'heroSms', name: 'HeroSMS' },
	'sms-activate': { server: 'custom', flavour: 'smsActivate', name: '127.0.0.1' },
} as const satisfies Record<string, { server: string; flavour: Flavour; name: string }>;
type ServerLabel = keyof typeof SERVERS;

/** What a fault's error says when the call is not (or no longer) retried: each server's own 5xx words. */
function messageOf(fault: Fault, label: ServerLabel): RegExp {
	const { name } = SERVERS[label];
	return faultMessage(fault, name, {
		// HeroSMS answers a 5xx in its JSON envelope, which the error quotes; sms-activate in plain text.
		'5xx':
			label === 'HeroSMS'
				? /^HeroSMS answered with an error: "SERVICE_UNAVAILABLE: Service Unavailable" \(HTTP 503\)$/
				: new RegExp(`^${escapeRegExp(name)} gave an unexpected answer \\(HTTP 503\\): "Service Unavailable"$`),
		errorSql: new RegExp(`^${escapeRegExp(name)} had an internal database error \\(ERROR_SQL\\)$`),
	});
}

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

const cells = cellsOf(TABLE);

// ---------------------------------------------------------------------------------------------------------------
// The cells
// ---------------------------------------------------------------------------------------------------------------

describe('the table itself', () => {
	test('has a row per operation, one valid cell per fault, and Mark Ready only where setStatus 1 is documented', () => {
		expectWellFormed(TABLE, ROWS);
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

			const result = await runCell(fault, () => suite.run(row.call(setup), { credentials }), () => sent(flavour, row.route), () => suite.sim.now());

			expectCell({
				expected,
				result,
				requests: sent(flavour, row.route),
				moved: balance() - before,
				acted: row.sentOnce?.acted(setup, purchasesBefore),
				sentOnce: row.sentOnce && { action: row.sentOnce.action, cents: row.sentOnce.cents() },
				failMessage: messageOf(fault, row.label),
				output: () => {
					row.output(result.json, setup);
					return row.told?.(result.json) ?? 0;
				},
			});
			// Nothing else changed the activation or the money: one purchase at most, and only where one was made.
			expect(suite.sim.purchases(flavour) - purchasesBefore).toBe(row.route === 'getNumberV2' && (expected === 'ok' || expected === 'maybe+') ? 1 : 0);
			expect(suite.sim.state().faults).toEqual([]);
		},
		15_000,
	);
});
