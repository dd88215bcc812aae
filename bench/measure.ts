/** Runs `work` several times and keeps the median, which one slow run (GC, a busy core) cannot move. */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

export interface BenchRow {
	name: string;
	ms: number;
}

/** Prints each row with its ratio to the first one, the baseline measured in the same run. */
export function printRatios(title: string, rows: BenchRow[]): string {
	const [baseline] = rows;
	const lines = rows.map(
		(row) =>
			`  ${row.name.padEnd(58)} ${row.ms.toFixed(1).padStart(10)} ms   ${(row.ms / baseline.ms).toFixed(2).padStart(6)}× baseline`,
	);
	const text = [`${title}`, ...lines].join('\n');
	process.stdout.write(`\n${text}\n`);
	return text;
}
