// The redaction every provider answer and error goes through (scrubSecrets, nodes/shared/transport/secrets.ts):
// each echo a server might make of a token is gone, as judged by a separate leak finder (test/helpers/secretLeaks.ts),
// and ordinary answers pass unchanged. test/integration/secrets.test.ts runs the same echoes through the nodes.
import fc from 'fast-check';

import { scrubSecrets } from '../../nodes/shared/transport/secrets';
import { echoesOf, leakedSecrets } from '../helpers/secretLeaks';

const HEX_TOKEN = '7f3a9c1e5b2d8046e1c9a7f35b0d2e4c6a8f1b3d5e7092c4a6b8d0f2e4c6a8b1';
const NON_HEX_KEYS = ['otpv_S3cr3t+Key/With=Signs&"Q9', 'skLiveKey With+Space/s42q', 'ключ-ÄÖ-日本-key-001', 'a\\b%41c&amp;d<e>f\'g'];
const SECRETS = [HEX_TOKEN, ...NON_HEX_KEYS];

const cases = SECRETS.flatMap((secret) => echoesOf(secret).map(({ name, echo }) => ({ secret, name, echo })));

test.each(cases)('$name echo of $secret is scrubbed from an answer', ({ secret, echo }) => {
	const answers = [
		`BAD_KEY ${echo}`,
		`{"status":"error","message":"key ${echo} is not allowed"}`,
		`<html><title>403</title><body>GET /stubs/handler_api.php?api_key=${echo}&action=getBalance</body></html>`,
		echo,
	];
	for (const answer of answers) {
		const scrubbed = scrubSecrets(answer, [secret]);
		expect({ answer, scrubbed, leaks: leakedSecrets(scrubbed, [secret]) }).toEqual({ answer, scrubbed, leaks: [] });
		expect(scrubbed).toContain('***');
	}
});

test('a key saved with spaces around it is found without them (it is sent trimmed)', () => {
	for (const secret of SECRETS) {
		const scrubbed = scrubSecrets(`refused: ${secret} (and ${encodeURIComponent(secret)})`, [`  ${secret}\t `]);
		expect(leakedSecrets(scrubbed, [secret])).toEqual([]);
	}
});

test('the leak finder finds every echo before scrubbing (so the test above can fail)', () => {
	for (const { secret, echo } of cases) expect({ echo, leaks: leakedSecrets(`x ${echo} y`, [secret]) }).toEqual({ echo, leaks: [secret] });
});

test('ordinary answers and short pieces of a token are left alone', () => {
	const answers = [
		'ACCESS_NUMBER:5640086027:+12025550123',
		'STATUS_OK:FB-424242',
		'ACCESS_BALANCE:25.50',
		JSON.stringify({ usa: { tg: { price: 0.5, available: 120, price_id: 'MTo1OnVzYTp0Zw==' } } }),
		`token starts ${HEX_TOKEN.slice(0, 7)} and ends ${HEX_TOKEN.slice(-7)}`,
	];
	for (const answer of answers) expect(scrubSecrets(answer, SECRETS)).toBe(answer);
	// Too short to be a token at all: left alone rather than scrubbing every "abc".
	expect(scrubSecrets('abc abc', ['abc'])).toBe('abc abc');
});

test('property: a random token echoed in any form inside random text is never left behind', () => {
	const hexToken = fc.stringMatching(/^[0-9a-f]{64}$/);
	const key = fc.string({ minLength: 12, maxLength: 48, unit: 'grapheme-ascii' }).filter((s) => s.trim().length >= 12);
	fc.assert(
		fc.property(fc.oneof(hexToken, key), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.nat(15), (secret, before, after, variant) => {
			const { echo } = echoesOf(secret)[variant];
			const scrubbed = scrubSecrets(`${before} ${echo} ${after}`, [secret]);
			// What the random text itself held of the secret is not the echo's doing.
			const already = leakedSecrets(`${before} ${after}`, [secret]).length > 0;
			return already || leakedSecrets(scrubbed, [secret]).length === 0;
		}),
		{ numRuns: 150, seed: 20260310 },
	);
});
