/**
 * After every test file: no error that file produced through the harness (message, description, stored
 * form) holds any of the simulator's tokens. `secrets.test.ts` goes further with distinctive tokens and
 * partial matches; this check covers every other error the whole suite produces.
 */
import { observedErrors } from '../helpers/n8nCore';
import { DEMO_FLAVOUR_KEYS, DEMO_OTPVERIFIED_TOKEN, DEMO_RENTVERIFY_TOKEN, NO_ROLE_RENTVERIFY_TOKEN } from '../simulator';

const TOKENS = [DEMO_RENTVERIFY_TOKEN, NO_ROLE_RENTVERIFY_TOKEN, DEMO_OTPVERIFIED_TOKEN, ...Object.values(DEMO_FLAVOUR_KEYS)];

afterAll(() => {
	const leaks = observedErrors.flatMap((error) =>
		TOKENS.filter((token) =>
			[error.message, error.description ?? '', error.json ?? ''].some((text) => text.includes(token)),
		).map((token) => `${token.slice(0, 6)}… in "${error.message}"`),
	);
	expect(leaks).toEqual([]);
});
