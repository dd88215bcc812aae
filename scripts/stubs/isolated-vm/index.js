// Not isolated-vm. package.json lists this folder as the devDependency `isolated-vm`, so `npm ci` links it in
// place of the real package, which n8n-workflow (through @n8n/expression-runtime) depends on. Why:
// - n8n-workflow loads isolated-vm only for its isolated-vm expression engine, lazily; neither the nodes nor
//   the tests use that engine (n8n's default engine evaluates their expressions);
// - the real isolated-vm 7 wants Node 24 (`npm ci` warned about it on the development Node, 20) and ships
//   native addons for Node 24 and later only, so it could not load here anyway.
// The real n8n that `npm start` and the e2e tests run is installed apart (scripts/n8n-runtime/), with the
// real isolated-vm on its Node 24. Change this folder if a test ever needs that engine.
'use strict';

throw new Error(
	'isolated-vm is not installed in this development tree: scripts/stubs/isolated-vm stands in for it ' +
		"(see its index.js); n8n's isolated-vm expression engine cannot run here.",
);
