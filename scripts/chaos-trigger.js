#!/usr/bin/env node
'use strict';
/**
 * Runs the trigger chaos test (test/integration/triggerChaos.test.ts) at a big count of seeded schedules and
 * prints its counts: codes delivered and emitted, duplicates and lost (both must be 0), and what the schedules
 * covered. CI runs the same test at 1,000 schedules; this runs 10,000 by default (about 15 minutes on two busy cores).
 *
 *   node scripts/chaos-trigger.js [schedules] [--seed N]
 *
 * Exits 1 when a schedule broke the claim (jest prints the schedule's log and how to replay it).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function parseArguments(argv) {
	const options = { schedules: 10_000, seed: undefined };
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--seed') options.seed = Number(argv[++index]);
		else if (/^\d+$/.test(argument)) options.schedules = Number(argument);
		else {
			console.error(`Unknown argument ${argument}. Usage: node scripts/chaos-trigger.js [schedules] [--seed N]`);
			process.exit(2);
		}
	}
	if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
		console.error('--seed takes a whole number');
		process.exit(2);
	}
	return options;
}

const { schedules, seed } = parseArguments(process.argv.slice(2));
const root = path.join(__dirname, '..');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-trigger-')), 'report.json');
const env = { ...process.env, TRIGGER_CHAOS_SCHEDULES: String(schedules), TRIGGER_CHAOS_REPORT: report };
if (seed !== undefined) env.TRIGGER_CHAOS_SEED = String(seed);

console.log(`Trigger chaos: ${schedules} seeded schedules${seed === undefined ? '' : `, seed ${seed}`}`);
const started = Date.now();
const jest = spawnSync(
	process.execPath,
	[require.resolve('jest/bin/jest'), '--selectProjects', 'integration', '--runTestsByPath', 'test/integration/triggerChaos.test.ts', '--silent'],
	{ cwd: root, env, stdio: 'inherit' },
);

let counts;
try {
	counts = JSON.parse(fs.readFileSync(report, 'utf8'));
} catch {
	counts = undefined;
} finally {
	fs.rmSync(path.dirname(report), { recursive: true, force: true });
}
if (!counts) {
	console.error('The chaos test wrote no counts (it failed before the end): see jest\'s output above.');
	process.exit(1);
}

const rows = [
	['schedules', counts.schedules],
	['seed', counts.seed],
	['codes delivered', counts.delivered],
	['codes emitted', counts.emitted],
	['duplicates', counts.duplicates],
	['lost', counts.lost],
	['missed by the stated rule', `${counts.missedByRule} (never seen: left the active list unknown to the trigger; README, "Limits")`],
	['polls', counts.polls],
	['polls that failed', counts.faultedPolls],
	['n8n restarts', counts.restarts],
	['status faults', counts.statusFaults],
	['active-list faults', counts.listFaults],
	['activations that left the list', counts.leftTheList],
	['retries (STATUS_WAIT_RETRY)', counts.retries],
	['schedules by mode', Object.entries(counts.byMode).map(([mode, n]) => `${mode} ${n}`).join(', ')],
	['seconds', Math.round((Date.now() - started) / 1000)],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);

const ok = jest.status === 0 && counts.duplicates === 0 && counts.lost === 0 && counts.schedules === schedules;
console.log(ok ? 'OK: every delivered code emitted once (duplicates 0, lost 0).' : 'FAILED: see above.');
process.exit(ok ? 0 : 1);
