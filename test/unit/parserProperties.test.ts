/**
 * Property tests of every answer parser (both providers), with fast-check: 10,000 generated inputs per
 * parser (arbitrary text and bytes, arbitrary JSON with deep nesting and huge numbers, documented answers
 * and their mutations, unknown words, error envelopes, random HTTP statuses). The properties and the
 * generators are in parserProperties.support.ts, shared with scripts/fuzz-parsers.js.
 */
import fc from 'fast-check';

import type { HttpAnswer } from '../../nodes/shared/transport/answer';
import { PARSERS, inputsFor, isClean, judge, mustFailFor } from './parserProperties.support';

/** Inputs per parser for the main property; FAST_CHECK_RUNS raises it (or lowers it while debugging). */
const RUNS = Number(process.env.FAST_CHECK_RUNS) || 10_000;
const seed = Number(process.env.FAST_CHECK_SEED) || undefined;

const describeVerdict = (answer: HttpAnswer, verdict: ReturnType<typeof judge>) =>
	JSON.stringify({ answer: { statusCode: answer.statusCode, body: answer.body.slice(0, 300) }, verdict });

describe.each(PARSERS.map((parser) => [parser.name, parser] as const))('%s', (_name, parser) => {
	it(`never throws; a problem has a message, a value has string ids and phones, finite numbers, no entry without its id; only documented answers are a success (${RUNS} inputs)`, () => {
		fc.assert(
			fc.property(inputsFor(parser), (answer) => {
				const verdict = judge(parser, answer);
				if (!isClean(verdict)) throw new Error(describeVerdict(answer, verdict));
			}),
			{ numRuns: RUNS, seed },
		);
	});

	it('takes no unknown word (or, for JSON reads, no error envelope) as a success', () => {
		fc.assert(
			fc.property(mustFailFor(parser), (answer) => {
				const result = parser.parse(answer);
				if (result.ok) throw new Error(`taken as success: ${JSON.stringify(answer)} → ${JSON.stringify(result.value)}`);
				return result.problem.message.length > 0;
			}),
			{ numRuns: 1_000, seed },
		);
	});

	it('reads every documented answer it is given as a success', () => {
		fc.assert(
			fc.property(parser.documented, (answer) => {
				const result = parser.parse(answer);
				if (!result.ok) throw new Error(`refused: ${JSON.stringify(answer)} → ${JSON.stringify(result.problem)}`);
				return isClean(judge(parser, answer));
			}),
			{ numRuns: 1_000, seed },
		);
	});

	if (parser.json === 'family') {
		it('never takes a JSON body with an HTTP error status as a list or status read', () => {
			fc.assert(
				fc.property(parser.documented, fc.integer({ min: 400, max: 599 }), (answer, statusCode) => {
					if (parser.name === 'parseNumberV2') return true; // a purchase: the body decides
					const body = answer.body.trim();
					if (!body.startsWith('{') && !body.startsWith('[')) return true; // plain words decide by the body
					if (/NO_ACTIVATIONS/.test(body)) return true;
					if (statusCode === 429) return !parser.parse({ statusCode, body }).ok;
					return !parser.parse({ statusCode, body }).ok;
				}),
				{ numRuns: 500, seed },
			);
		});
	}
});
