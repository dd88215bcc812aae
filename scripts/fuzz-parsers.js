#!/usr/bin/env node
'use strict';
/**
 * Fuzzes every answer parser (RentVerify / the sms-activate family, and OTPVerified) with the properties
 * of test/unit/parserProperties.support.ts, at 100,000 generated inputs per parser by default.
 *
 *   node scripts/fuzz-parsers.js [inputs per parser] [--seed N] [--only NAME]
 *
 * Runs on the TypeScript sources directly (no build): a small require hook transpiles them with the
 * project's own `typescript`. Prints one line per parser; exits 1 when any input broke a property.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			isolatedModules: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};

function parseArguments(argv) {
	const options = { count: 100_000, seed: Date.now() % 2_147_483_647, only: undefined };
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--seed') options.seed = Number(argv[++index]);
		else if (argument === '--only') options.only = argv[++index];
		else if (/^\d+$/.test(argument)) options.count = Number(argument);
		else {
			console.error(`Unknown argument ${argument}. Usage: node scripts/fuzz-parsers.js [inputs per parser] [--seed N] [--only NAME]`);
			process.exit(2);
		}
	}
	if (!Number.isSafeInteger(options.seed)) {
		console.error('--seed takes a whole number');
		process.exit(2);
	}
	return options;
}

const { count, seed, only } = parseArguments(process.argv.slice(2));
const fc = require('fast-check');
const { PARSERS, inputsFor, judge } = require(path.join(__dirname, '..', 'test', 'unit', 'parserProperties.support.ts'));

const BATCH = 5_000;
const columns = [
	['parser', 24],
	['inputs', 8],
	['successes', 10],
	['crashes', 8],
	['unknown as success', 19],
	['non-string ids/phones', 22],
	['non-finite numbers', 19],
	['entries without id', 19],
	['bad problems', 13],
	['seconds', 8],
];
const row = (cells) => cells.map((cell, index) => String(cell).padEnd(columns[index][1])).join(' ');

console.log(`Fuzzing the answer parsers: ${count} inputs per parser, seed ${seed}`);
console.log(row(columns.map(([title]) => title)));

const examples = [];
let failed = false;
for (const parser of PARSERS) {
	if (only && parser.name !== only) continue;
	const started = process.hrtime.bigint();
	const totals = { inputs: 0, successes: 0, crashes: 0, unknown: 0, ids: 0, nonFinite: 0, noId: 0, badProblems: 0 };
	const note = (kind, answer, detail) => {
		if (examples.filter((example) => example.parser === parser.name && example.kind === kind).length < 1) {
			examples.push({ parser: parser.name, kind, statusCode: answer.statusCode, body: answer.body.slice(0, 200), detail });
		}
	};
	const inputs = inputsFor(parser);
	for (let done = 0, batch = 0; done < count; done += BATCH, batch++) {
		for (const answer of fc.sample(inputs, { numRuns: Math.min(BATCH, count - done), seed: seed + batch })) {
			totals.inputs++;
			const verdict = judge(parser, answer);
			if (verdict.crash) (totals.crashes++, note('crash', answer, verdict.crash));
			if (verdict.badProblem) (totals.badProblems++, note('bad problem', answer, verdict.badProblem));
			if (verdict.unknownTakenAsSuccess) (totals.unknown++, note('unknown as success', answer));
			if (verdict.badIdsOrPhones.length) (totals.ids++, note('non-string id/phone', answer, verdict.badIdsOrPhones.join(', ')));
			if (verdict.nonFinite.length) (totals.nonFinite++, note('non-finite number', answer, verdict.nonFinite.join(', ')));
			if (verdict.entriesWithoutId.length) (totals.noId++, note('entry without id', answer, verdict.entriesWithoutId.join(', ')));
			if (!verdict.crash && !verdict.badProblem) {
				try {
					if (parser.parse(answer).ok) totals.successes++;
				} catch {
					// counted as a crash above
				}
			}
		}
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const { inputs: n, successes, crashes, unknown, ids, nonFinite, noId, badProblems } = totals;
	if (crashes + unknown + ids + nonFinite + noId + badProblems > 0) failed = true;
	console.log(row([parser.name, n, successes, crashes, unknown, ids, nonFinite, noId, badProblems, seconds.toFixed(1)]));
}

if (examples.length > 0) {
	console.log('\nFirst input of each kind that broke a property:');
	for (const example of examples) console.log(JSON.stringify(example));
}
console.log(failed ? '\nFAILED: some inputs broke a property (see above).' : '\nOK: no input broke a property.');
process.exit(failed ? 1 : 0);
