// What the fault matrices (reliability.faultMatrix*.test.ts, README "Reliability") share: the simulator's faults
// as columns, the outcome words of a table's cells, and the checks one cell makes of a run. Each matrix file keeps
// its own rows (the operations, their setup and output) and the words its servers give to a 5xx and to ERROR_SQL.
import { NodeApiError } from 'n8n-workflow';

import type { NodeRunResult } from '../helpers/n8nCore';
import { RETRY_POLICY } from '../../nodes/shared/transport/request';
import type { FaultSpec, LoggedRequest } from '../simulator';
import { sleepMs } from './support';

/** The transport's timeout in the latency cells (30 s otherwise), and the latency beyond it. */
export const TIMEOUT_MS = 1000;
export const LATENCY_MS = 1600;

/** The columns: no fault, then every fault the simulator injects. */
export const FAULTS = ['none', 'latency', '5xx', 'html', 'empty', 'resetBefore', 'resetAfter', 'unknownWord', '429', 'errorSql'] as const;
export type Fault = (typeof FAULTS)[number];

/** The simulator's fault for a column; `errorSql` is sms-activate's word, which a JSON provider does not know. */
export function faultSpec(fault: Fault, errorSql: FaultSpec = { kind: 'errorSql' }): FaultSpec | undefined {
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
			return errorSql;
	}
}

/** `text` as a literal inside a RegExp. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a fault's error says when the call is not (or no longer) retried, for a server the errors call `name`.
 * The words of a 5xx answer and of ERROR_SQL depend on the server, so each matrix gives its own.
 */
export function faultMessage(
	fault: Fault,
	name: string,
	own: { '5xx': RegExp; errorSql: RegExp },
): RegExp {
	const named = escapeRegExp(name);
	const messages: Record<Fault, RegExp> = {
		none: /^$/,
		latency: /ETIMEDOUT|did not answer within/,
		'5xx': own['5xx'],
		html: new RegExp(`^${named} answered with an HTML page \\(HTTP 502, "502 Bad Gateway"\\) instead of an API answer$`),
		empty: new RegExp(`^${named} answered with an empty body \\(HTTP 200\\)$`),
		resetBefore: /ECONNRESET/,
		resetAfter: /ECONNRESET/,
		unknownWord: new RegExp(`^${named} gave an unexpected answer \\(HTTP 200\\): "STRANGE_WORD:42"$`),
		'429': new RegExp(`^${named} is limiting the request rate \\(HTTP 429\\)$`),
		errorSql: own.errorSql,
	};
	return messages[fault];
}

/**
 * What each cell must do:
 *   ok      no fault: succeeds on the first request
 *   retry   a read: the fault, then the answer: succeeds after exactly two requests
 *   fail    a clear error naming the fault, one request, nothing changed at the provider
 *   maybe-  "…request was sent (…), so it may have gone through", one request; the server had not acted
 *   maybe+  the same error, one request; the server had acted (the ledger shows it, as the error warned)
 */
export type Expected = 'ok' | 'retry' | 'fail' | 'maybe-' | 'maybe+';
const EXPECTED: readonly Expected[] = ['ok', 'retry', 'fail', 'maybe-', 'maybe+'];

/** The cells of a table: one per operation (row) and fault (column). */
export function cellsOf(table: Record<string, string>): Array<{ operation: string; fault: Fault; expected: Expected }> {
	return Object.entries(table).flatMap(([operation, line]) => {
		const expected = line.trim().split(/\s+/) as Expected[];
		return FAULTS.map((fault, column) => ({ operation, fault, expected: expected[column] }));
	});
}

/** A table has a row per operation, one valid cell per fault, and never "retry" for a request sent once. */
export function expectWellFormed(table: Record<string, string>, rows: Record<string, { sentOnce?: unknown }>): void {
	expect(Object.keys(table).sort()).toEqual(Object.keys(rows).sort());
	for (const [operation, line] of Object.entries(table)) {
		const expected = line.trim().split(/\s+/);
		expect({ operation, cells: expected.length }).toEqual({ operation, cells: FAULTS.length });
		for (const cell of expected) expect(EXPECTED).toContain(cell);
		// A request that moves money or changes the activation is never retried, so it never "recovers".
		if (rows[operation].sentOnce) expect(expected).not.toContain('retry');
	}
}

/**
 * Runs one cell's call with the transport's timeout lowered in the latency column (a latency beyond 30 s would
 * make a slow test), then waits until the simulator has answered (and acted on) the request the client gave up on.
 */
export async function runCell(
	fault: Fault,
	run: () => Promise<NodeRunResult>,
	sent: () => LoggedRequest[],
	now: () => number,
): Promise<NodeRunResult> {
	const saved = RETRY_POLICY.timeoutMs;
	RETRY_POLICY.timeoutMs = fault === 'latency' ? TIMEOUT_MS : saved;
	let result: NodeRunResult;
	try {
		result = await run();
	} finally {
		RETRY_POLICY.timeoutMs = saved;
	}
	if (fault === 'latency') {
		const first = sent()[0];
		await sleepMs(Math.max(0, first.at + LATENCY_MS + 100 - now()));
	}
	return result;
}

/** What one cell saw, for `expectCell`. */
export interface CellRun {
	expected: Expected;
	result: NodeRunResult;
	/** The requests to the route the fault was put on. */
	requests: LoggedRequest[];
	/** Cents the ledger moved by. */
	moved: number;
	/** Whether the server acted on a request sent once (undefined for a read). */
	acted: boolean | undefined;
	/** The request sent once: its name in errors, and the cents the ledger moves when it acts. */
	sentOnce?: { action: RegExp; cents: number };
	/** The error a "fail" cell gives, and the fault's own words inside a "maybe" error. */
	failMessage: RegExp;
	/** Checks a successful run's output; returns the cents it tells of (- spent, + refunded). */
	output(): number;
}

/** The checks of one cell: the outcome, the number of requests, and the money against what the user was told. */
export function expectCell(cell: CellRun): void {
	const { result, requests, moved, acted } = cell;
	switch (cell.expected) {
		case 'ok':
		case 'retry':
			expect(result.status).toBe('success');
			expect(moved).toBe(cell.output());
			expect(requests).toHaveLength(cell.expected === 'ok' ? 1 : 2);
			if (cell.sentOnce) expect(acted).toBe(true);
			break;
		case 'fail':
			expect(result.status).toBe('error');
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error.message).toMatch(cell.failMessage);
			expect(result.error.description).toMatch(/\S/);
			expect(requests).toHaveLength(1);
			expect(moved).toBe(0);
			if (cell.sentOnce) expect(acted).toBe(false);
			break;
		case 'maybe-':
		case 'maybe+':
			expect(result.status).toBe('error');
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error.message).toMatch(cell.sentOnce?.action as RegExp);
			expect(result.error.message).toMatch(/request was sent \((ECONNRESET|ETIMEDOUT)\), so it may have gone through$/);
			expect(result.error.message).toMatch(cell.failMessage);
			expect(result.error.description).toMatch(/^It was not sent again, so it happened at most once\./);
			expect(requests).toHaveLength(1);
			expect(acted).toBe(cell.expected === 'maybe+');
			expect(moved).toBe(cell.expected === 'maybe+' ? cell.sentOnce?.cents : 0);
			break;
	}
}
