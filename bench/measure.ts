/**
 * What every benchmark shares: medians, a seeded random source, and the rows of the one table
 * `npm run bench` prints. Each bench file records its rows (`record`); globalTeardown.ts prints them
 * all as one table and writes bench/results.json. Every figure is a ratio against a baseline or an
 * ideal measured in the same run, with its target; nothing here asserts anything about time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { mulberry32 } from '../test/simulator/random';

export const ROOT = path.resolve(__dirname, '..');
/** Where each bench file leaves its rows for globalTeardown (ignored by git, emptied by globalSetup). */
export const ROWS_DIR = path.join(ROOT, '.jest-cache', 'bench-rows');
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');

/** Runs `work` several times and keeps the median, which one slow run (GC, a busy core) cannot move. */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	return median(times);
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** mulberry32 (the simulator's): the same seed gives the same numbers in [0, 1) on every machine. */
export const seededRandom = mulberry32;

/** One figure of the table. */
export interface BenchRow {
	/** Section and figure, e.g. `1c`: the table is sorted by it. */
	id: string;
	figure: string;
	/** What was measured, with its unit (`512 ms`, `22 requests`). */
	measured: string;
	/** The baseline or ideal it is divided by, measured or computed in the same run. */
	against: string;
	/** measured / against; null when a figure has no ratio to give. */
	ratio: number | null;
	/** The ratio must be at most `max`; none for figures given for information. */
	target?: { max: number };
	note?: string;
}

export type Verdict = 'ok' | 'MISS' | 'info';

export function verdict(row: BenchRow): Verdict {
	if (!row.target || row.ratio === null) return 'info';
	return row.ratio <= row.target.max ? 'ok' : 'MISS';
}

/** Keeps a bench file's rows for the table (one file per section; a later call replaces it). */
export function record(section: string, rows: BenchRow[]): void {
	fs.mkdirSync(ROWS_DIR, { recursive: true });
	fs.writeFileSync(path.join(ROWS_DIR, `${section}.json`), JSON.stringify(rows, null, '\t'));
	// A line as each file finishes, so a long run says where it is; the table comes at the end.
	process.stderr.write(`bench: ${rows.map((row) => `${row.id} ${ratioText(row.ratio)}${verdict(row) === 'MISS' ? ' MISS' : ''}`).join(', ')}\n`);
}

export function readRows(): BenchRow[] {
	if (!fs.existsSync(ROWS_DIR)) return [];
	return fs
		.readdirSync(ROWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.flatMap((file) => JSON.parse(fs.readFileSync(path.join(ROWS_DIR, file), 'utf8')) as BenchRow[])
		.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export const ratioText = (ratio: number | null): string => (ratio === null ? '–' : `${ratio.toFixed(2)}×`);

/** A Markdown table: what the terminal shows is what the README shows. */
export function formatTable(rows: BenchRow[]): string {
	const lines = [
		'| # | Figure | Measured | Against (same run) | Ratio | Target | |',
		'|---|---|---|---|---|---|---|',
		...rows.map((row) => {
			const mark = verdict(row);
			return `| ${row.id} | ${row.figure}${row.note ? ` (${row.note})` : ''} | ${row.measured} | ${row.against} | ${ratioText(row.ratio)} | ${
				row.target ? `≤ ${row.target.max}×` : '–'
			} | ${mark === 'MISS' ? '**MISS**' : mark === 'ok' ? 'ok' : ''} |`;
		}),
	];
	return lines.join('\n');
}

export interface Machine {
	cores: number;
	cpuModel: string;
	node: string;
	platform: string;
	/** 1-minute load averages at the start and the end of the run: other work on the machine moves time figures. */
	loadAverage: { start: number | null; end: number };
}

const LOAD_FILE = path.join(ROWS_DIR, 'load-at-start.txt');
const loadNow = (): number => Math.round(os.loadavg()[0] * 100) / 100;

/** Called by globalSetup: the load average the run starts with. */
export function noteStartLoad(): void {
	fs.writeFileSync(LOAD_FILE, String(loadNow()));
}

export function machine(): Machine {
	const cpus = os.cpus();
	return {
		cores: cpus.length,
		cpuModel: cpus[0]?.model.trim() ?? 'unknown',
		node: process.version,
		platform: `${os.platform()} ${os.arch()}`,
		loadAverage: { start: fs.existsSync(LOAD_FILE) ? Number(fs.readFileSync(LOAD_FILE, 'utf8')) : null, end: loadNow() },
	};
}

export const machineLine = (m: Machine): string =>
	`${m.cores} cores, ${m.cpuModel}, Node.js ${m.node.replace(/^v/, '')}, ${m.platform}; 1-minute load average ${
		m.loadAverage.start ?? '?'
	} at the start of the run, ${m.loadAverage.end} at the end`;

/** `1234.5` → `1,235 ms`. */
export const ms = (value: number): string => `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1)} ms`;
