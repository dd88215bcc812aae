'use strict';
// The child side of remoteSimulator.ts: one simulator, driven by messages from the benchmark process.
const { startSimulator } = require('../test/simulator');

let sim;

/** `rentVerify.setPrice` → the function with its object bound. */
function resolve(target) {
	const parts = target.split('.');
	let owner = sim;
	for (const part of parts.slice(0, -1)) owner = owner[part];
	return { owner, value: owner[parts[parts.length - 1]] };
}

// Infinity does not survive JSON (a latency fault for every request uses times: Infinity).
const revive = (value) => (value === '__Infinity__' ? Infinity : value);
const reviveArgs = (args) =>
	args.map((arg) =>
		arg && typeof arg === 'object' && !Array.isArray(arg)
			? Object.fromEntries(Object.entries(arg).map(([key, value]) => [key, revive(value)]))
			: revive(arg),
	);

process.on('message', async ({ id, op, target, args }) => {
	try {
		let value;
		if (op === 'start') {
			sim = await startSimulator(args[0]);
			value = { url: sim.url, rentVerifyUrl: sim.rentVerifyUrl };
		} else if (op === 'call') {
			const { owner, value: method } = resolve(target);
			value = await method.apply(owner, reviveArgs(args));
		} else if (op === 'get') {
			value = resolve(target).value;
		} else if (op === 'requestsSince') {
			value = sim.requests.slice(args[0]).map(({ body, ...rest }) => rest);
		} else if (op === 'close') {
			await sim.close();
			process.send({ id, ok: true, value: null }, () => process.exit(0));
			return;
		}
		process.send({ id, ok: true, value: value === undefined ? null : value });
	} catch (error) {
		process.send({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
	}
});
