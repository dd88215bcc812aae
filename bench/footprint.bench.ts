/**
 * 6. Footprint:
 * - the trigger's static data while it emits 100,000 codes (300 activations listed at a time, a new code on
 *   each every poll, each listed for 40 polls and then followed until it expires), against the 64 KiB bound;
 * - the packed tarball (`npm pack --dry-run --json`), against the files n8n loads from it (what is left
 *   without source maps and type declarations);
 * - the time to require every node and credential of the built package in a fresh Node.js, against
 *   requiring `n8n-workflow` alone (which they load too).
 * Needs the built package (`npm run bench` builds first).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { ActivationStatus, ActiveActivation } from '../nodes/shared/transport/rentVerifyAnswers';
import { applyStatuses, planActivations } from '../nodes/shared/trigger/activationCodes';
import { STATE_VERSION, jsonBytes, readState, type RentVerifyState } from '../nodes/shared/trigger/state';
import { type BenchRow, ROOT, median, ms, record } from './measure';

const CODES = 100_000;
const BOUND = 64 * 1024;
const LOAD_RUNS = 9;

function activation(id: string, createdAt: number): ActiveActivation {
	return {
		activationId: id,
		phoneNumber: `+1202555${id.slice(-4)}`,
		service: 'tg',
		country: 'usa',
		status: 'received',
		cost: 0.5,
		createdAt: new Date(createdAt).toISOString(),
		expiresAt: new Date(createdAt + 20 * 60_000).toISOString(),
		raw: {},
	};
}

/** The trigger's own plan and apply steps (what every poll runs), the state crossing each poll as JSON. */
function stateAfterCodes(): { maxBytes: number; finalBytes: number; polls: number } {
	let now = Date.UTC(2026, 10, 25, 12);
	let nextId = 5_640_086_027;
	let live: Array<{ a: ActiveActivation; born: number }> = [];
	let state: RentVerifyState | undefined;
	let emitted = 0;
	let maxBytes = 0;
	let poll = 0;
	for (; emitted < CODES; poll++) {
		while (live.length < 300) {
			const age = poll === 0 ? live.length % 40 : 0;
			live.push({ a: activation(String(nextId), now - age * 60_000), born: poll - age });
			nextId += 7;
		}
		const plan = planActivations(state, live.map((l) => l.a), { activationIds: [], services: [], countries: [] }, now);
		const outcomes = plan.candidates.map((candidate) => {
			const code = `${poll}${candidate.id.slice(-5)}`;
			const value: ActivationStatus = { status: 'received', code, codeDigits: code, word: `STATUS_OK:${code}` };
			return candidate.read ? { state: 'done' as const, value } : undefined;
		});
		const result = applyStatuses(plan, outcomes, { provider: 'rentVerify', firstActivation: state === undefined, emitExisting: false, now });
		emitted += result.events.length;
		const stored = JSON.parse(JSON.stringify({ v: STATE_VERSION, rentVerify: result.next })) as IDataObject;
		state = readState(stored).rentVerify;
		maxBytes = Math.max(maxBytes, jsonBytes(stored));
		live = live.filter((l) => poll - l.born < 40);
		now += 60_000;
	}
	return { maxBytes, finalBytes: jsonBytes({ v: STATE_VERSION, rentVerify: state }), polls: poll };
}

interface PackResult {
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: Array<{ path: string; size: number }>;
}

/** Microseconds to require `modules` in a fresh Node.js. */
function loadTime(modules: string[]): number {
	const script = `const t=process.hrtime.bigint();for(const m of ${JSON.stringify(modules)})require(m);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

test('6. footprint: trigger state, tarball, load time', () => {
	const rows: BenchRow[] = [];

	const state = stateAfterCodes();
	rows.push({
		id: '6a',
		figure: `Trigger static data while emitting ${CODES.toLocaleString('en-US')} codes (largest over ${state.polls} polls)`,
		measured: `${kib(state.maxBytes)} (${kib(state.finalBytes)} at the end)`,
		against: `bound ${kib(BOUND)}`,
		ratio: state.maxBytes / BOUND,
		target: { max: 1.0 },
	});

	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.join(ROOT, file));
	const notBuilt = entries.filter((file) => !fs.existsSync(file));
	if (notBuilt.length > 0) throw new Error(`The package is not built (no ${notBuilt[0]}): run \`npm run bench\`, which builds it first`);

	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
	) as PackResult[];
	const loaded = pack.files.filter((file) => !/\.(map|d\.ts)$/.test(file.path)).reduce((sum, file) => sum + file.size, 0);
	rows.push({
		id: '6b',
		figure: 'Packed tarball (npm pack)',
		measured: `${kib(pack.size)} packed, ${kib(pack.unpackedSize)} unpacked, ${pack.entryCount} files`,
		against: `the files n8n loads (no .map, .d.ts): ${kib(loaded)} unpacked`,
		ratio: pack.unpackedSize / loaded,
		note: 'for information',
	});

	const alone: number[] = [];
	const nodes: number[] = [];
	for (let run = 0; run < LOAD_RUNS; run++) {
		alone.push(loadTime(['n8n-workflow']));
		nodes.push(loadTime(['n8n-workflow', ...entries]));
	}
	rows.push({
		id: '6c',
		figure: `Loading the ${pkg.n8n.nodes.length} nodes and ${pkg.n8n.credentials.length} credentials (require of dist files, fresh Node.js)`,
		measured: `${ms(median(nodes))} (median of ${LOAD_RUNS})`,
		against: `require('n8n-workflow') alone ${ms(median(alone))}`,
		ratio: median(nodes) / median(alone),
		note: 'for information',
	});
	record('6-footprint', rows);
});
