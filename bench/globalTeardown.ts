// `npm run bench`, after every bench file: the one table of all figures, with the machine it ran on,
// printed and written to bench/results.json. A section whose bench failed is listed as not measured.
import * as fs from 'node:fs';

import { RESULTS_FILE, formatTable, machine, machineLine, readRows, verdict } from './measure';

const SECTIONS: Record<string, string> = {
	'1': 'Trigger poll against ceil(N / concurrency) × 20 ms',
	'2': 'Per-item overhead of Get Status through n8n-core against a bare loop',
	'3': 'Wait for Code detection latency against the poll interval',
	'4': 'Requests per operation against the minimum it needs',
	'5': 'Against the do-it-yourself workflow in the real n8n',
	'6': 'Footprint',
};

export default function globalTeardown(): void {
	const rows = readRows();
	const missing = Object.entries(SECTIONS)
		.filter(([section]) => !rows.some((row) => row.id.replace(/\D.*$/, '') === section))
		.map(([section, name]) => `${section}. ${name}`);
	const host = machine();
	const misses = rows.filter((row) => verdict(row) === 'MISS').map((row) => row.id);
	const text = [
		'',
		'Benchmarks (npm run bench): each ratio is against a baseline or ideal measured in the same run',
		'',
		formatTable(rows),
		'',
		`Machine: ${machineLine(host)}`,
		misses.length > 0 ? `Missed targets: ${misses.join(', ')}` : 'Every target met.',
		...(missing.length > 0 ? [`Not measured (their bench failed, see above): ${missing.join('; ')}`] : []),
		'',
	].join('\n');
	process.stdout.write(text);
	fs.writeFileSync(
		RESULTS_FILE,
		`${JSON.stringify({ date: new Date().toISOString(), machine: host, rows: rows.map((row) => ({ ...row, verdict: verdict(row) })), missing }, null, '\t')}\n`,
	);
}
