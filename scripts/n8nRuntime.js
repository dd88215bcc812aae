// The real, pinned n8n that `npm start` (scripts/start.js) and the e2e tests (test/e2e/harness.ts) run our
// built package in: what they may call, gathered in one place. Change it when that public API changes;
// the work is done in scripts/n8n-runtime/: install.js (installing n8n once per machine, with lock.js),
// run.js (running its CLI and `n8n start`).
'use strict';

const { PACKAGE_NAME, ensureN8n, runtimeDir } = require('./n8n-runtime/install');
const run = require('./n8n-runtime/run');

module.exports = {
	ensureN8n,
	runtimeDir,
	n8nEnv: run.n8nEnv,
	linkPackage: run.linkPackage,
	n8nCli: run.n8nCli,
	importCredentials: run.importCredentials,
	importWorkflows: run.importWorkflows,
	executeWorkflow: run.executeWorkflow,
	startN8n: run.startN8n,
	freePort: run.freePort,
	PACKAGE_NAME,
};
