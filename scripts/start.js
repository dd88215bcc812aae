// `npm start`: this package inside a real n8n, wired to the provider simulator, ready to click through.
//
// Builds the package, starts the simulator (numbers receive their SMS after a few polls), installs the
// pinned n8n once per machine (scripts/n8nRuntime.js), and starts it on 127.0.0.1 with a user folder in
// the repo (.n8n-dev/, gitignored) holding the three credentials, an owner login and example workflows.
// Ctrl-C stops everything it started.
//
// Environment: N8N_PORT (5678), SIMULATOR_PORT (8790); RENTVERIFY_TOKEN / OTPVERIFIED_TOKEN /
// SMSACTIVATE_API_KEY (with optional RENTVERIFY_BASE_URL / OTPVERIFIED_BASE_URL, SMSACTIVATE_SERVER,
// SMSACTIVATE_BASE_URL) point that credential at the real service instead of the simulator.
'use strict';

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const runtime = require('./n8nRuntime');

const ROOT = path.resolve(__dirname, '..');

const CREDENTIAL_IDS = {
	rentVerify: 'smsVerifyRentVerify1',
	otpVerified: 'smsVerifyOtpVerified1',
	smsActivate: 'smsVerifySmsActivate1',
};
const WORKFLOW_IDS = {
	rentVerifyBalance: 'smsVerifyExampleBal1',
	rentVerifySignup: 'smsVerifyExampleBuy1',
	otpVerifiedServices: 'smsVerifyExampleSvc1',
};

/**
 * The credentials n8n gets: each provider against the simulator, unless a real key is given in `env`.
 * The simulator accepts only its demo tokens.
 */
function credentialsFor(simulator, env = process.env) {
	const { DEMO_RENTVERIFY_TOKEN, DEMO_OTPVERIFIED_TOKEN } = require('../test/simulator');
	const rentVerify = env.RENTVERIFY_TOKEN
		? { token: env.RENTVERIFY_TOKEN, ...(env.RENTVERIFY_BASE_URL && { baseUrl: env.RENTVERIFY_BASE_URL }) }
		: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.rentVerifyUrl };
	const otpVerified = env.OTPVERIFIED_TOKEN
		? { apiKey: env.OTPVERIFIED_TOKEN, ...(env.OTPVERIFIED_BASE_URL && { baseUrl: env.OTPVERIFIED_BASE_URL }) }
		: { apiKey: DEMO_OTPVERIFIED_TOKEN, baseUrl: simulator.otpVerifiedUrl };
	// The protocol family: HeroSMS's flavour of the simulator, or the server SMSACTIVATE_SERVER names.
	const smsActivate = env.SMSACTIVATE_API_KEY
		? {
				server: env.SMSACTIVATE_SERVER || 'heroSms',
				apiKey: env.SMSACTIVATE_API_KEY,
				...(env.SMSACTIVATE_BASE_URL && { baseUrl: env.SMSACTIVATE_BASE_URL }),
			}
		: { server: 'heroSms', apiKey: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.flavourUrl('heroSms') };
	return [
		{
			id: CREDENTIAL_IDS.rentVerify,
			name: env.RENTVERIFY_TOKEN ? 'RentVerify' : 'RentVerify (simulator)',
			type: 'rentVerifyApi',
			data: { authHeader: 'xApiToken', ...rentVerify },
		},
		{
			id: CREDENTIAL_IDS.otpVerified,
			name: env.OTPVERIFIED_TOKEN ? 'OTPVerified' : 'OTPVerified (simulator)',
			type: 'otpVerifiedApi',
			data: otpVerified,
		},
		{
			id: CREDENTIAL_IDS.smsActivate,
			name: env.SMSACTIVATE_API_KEY ? `SMS-Activate Protocol (${smsActivate.server})` : 'HeroSMS (simulator)',
			type: 'smsActivateApi',
			data: smsActivate,
		},
	];
}

const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

/**
 * Manual Trigger → each step in turn, as n8n stores a workflow. A step is one of our nodes
 * (`rentVerify`, `otpVerified`) with the name n8n gives it when added from the node panel (the action's
 * text, e.g. "Buy a number"), so expressions read as they would in a user's workflow.
 */
function exampleWorkflow({ id, name, steps, credential }) {
	const names = [MANUAL_TRIGGER, ...steps.map((step) => step.name)];
	const connections = {};
	names.slice(0, -1).forEach((from, index) => {
		connections[from] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-trigger`,
				name: MANUAL_TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...steps.map((step, index) => ({
				id: `${id}-${index + 1}`,
				name: step.name,
				type: `${runtime.PACKAGE_NAME}.${step.node}`,
				typeVersion: 1,
				position: [220 * (index + 1), 0],
				parameters: step.parameters,
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			})),
		],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function exampleWorkflows(credentials) {
	const [rentVerify, otpVerified] = credentials;
	return [
		exampleWorkflow({
			id: WORKFLOW_IDS.rentVerifyBalance,
			name: 'Example: RentVerify balance',
			steps: [
				{ node: 'rentVerify', name: 'Get the account balance', parameters: { resource: 'account', operation: 'getBalance' } },
			],
			credential: rentVerify,
		}),
		exampleWorkflow({
			id: WORKFLOW_IDS.rentVerifySignup,
			name: 'Example: buy a number and wait for its SMS code',
			steps: [
				{
					node: 'rentVerify',
					name: 'Buy a number',
					parameters: {
						resource: 'activation',
						operation: 'buyNumber',
						// As the editor stores a choice from the Country and Service lists.
						country: { __rl: true, mode: 'list', value: 'usa', cachedResultName: 'United States' },
						service: { __rl: true, mode: 'list', value: 'tg', cachedResultName: 'Telegram (tg)' },
						options: { maxPrice: 1 },
					},
				},
				{
					node: 'rentVerify',
					name: 'Wait for the SMS code',
					parameters: {
						resource: 'activation',
						operation: 'waitForCode',
						activationId: { __rl: true, mode: 'id', value: "={{ $('Buy a number').item.json.id }}" },
						pollInterval: 3,
						timeout: 120,
					},
				},
			],
			credential: rentVerify,
		}),
		exampleWorkflow({
			id: WORKFLOW_IDS.otpVerifiedServices,
			name: 'Example: OTPVerified services',
			steps: [
				{ node: 'otpVerified', name: 'Get services and prices', parameters: { resource: 'catalog', operation: 'getServices' } },
			],
			credential: otpVerified,
		}),
	];
}

/**
 * The owner a person logs in with. n8n (≥ 2.17) applies N8N_INSTANCE_OWNER_* on every start, so no
 * set-up screen or REST call is needed; the password is generated once per user folder and kept there
 * (n8n only gets its bcrypt hash).
 */
function ownerFor(userFolder, runtimeInfo) {
	const file = path.join(userFolder, 'owner.json');
	let owner;
	try {
		owner = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		// n8n wants 8+ characters with a digit and an upper-case letter.
		owner = { email: 'owner@sms-verification.local', password: `Sms-${crypto.randomBytes(9).toString('base64url')}-9` };
		fs.mkdirSync(userFolder, { recursive: true });
		fs.writeFileSync(file, JSON.stringify(owner, null, 2), { mode: 0o600 });
	}
	// n8n's own bcrypt, so the hash is one it accepts.
	const bcrypt = require(require.resolve('bcryptjs', { paths: [path.join(runtimeInfo.dir, 'node_modules', 'n8n')] }));
	const env = {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Local',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
	return { ...owner, env };
}

/**
 * Everything `npm start` does once the package is built and the simulator runs; tests call it too.
 * Resolves when n8n answers, with its URL, the owner login and `stop()` (n8n only; the caller owns the
 * simulator).
 */
async function setUp({
	userFolder,
	port,
	brokerPort,
	simulator,
	packageRoot = ROOT,
	env = process.env,
	log = () => {},
	onOutput,
}) {
	const runtimeInfo = await runtime.ensureN8n({ log });
	// Examples are imported once per database (the marker goes when .n8n/ does): importing them again
	// would overwrite a person's edits.
	const examplesImported = path.join(userFolder, '.n8n', 'sms-verification-examples-imported');
	fs.mkdirSync(userFolder, { recursive: true });
	runtime.linkPackage(userFolder, packageRoot);

	// Credentials are imported on every start: the simulator port or a real token may have changed.
	const credentials = credentialsFor(simulator, env);
	log('importing credentials');
	await runtime.importCredentials(userFolder, credentials);
	const workflows = exampleWorkflows(credentials);
	if (!fs.existsSync(examplesImported)) {
		log('importing example workflows');
		await runtime.importWorkflows(userFolder, workflows);
		fs.writeFileSync(examplesImported, `${new Date().toISOString()}\n`);
	}

	const owner = ownerFor(userFolder, runtimeInfo);
	log('starting n8n');
	const n8n = await runtime.startN8n({ userFolder, port, brokerPort, env: owner.env, log, onOutput });
	return {
		url: n8n.url,
		owner: { email: owner.email, password: owner.password },
		credentials: credentials.map(({ id, name, type }) => ({ id, name, type })),
		workflows: workflows.map(({ id, name }) => ({ id, name })),
		n8n,
		stop: n8n.stop,
	};
}

async function main() {
	const log = (message) => console.log(`[start] ${message}`);
	log('building the package (npm run build)');
	// Windows runs npm through npm.cmd, which only a shell starts.
	const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
	if (build.status !== 0) process.exit(build.status || 1);

	const { startSimulator } = require('../test/simulator');
	const simulator = await startSimulator({
		port: Number(process.env.SIMULATOR_PORT || 8790),
		host: '127.0.0.1',
		autoDeliver: { afterPolls: 3 },
	});
	log(`provider simulator on ${simulator.url}`);

	let app;
	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the simulator');
		await app?.stop();
		await simulator.close();
		process.exit(code);
	};
	process.on('SIGINT', () => shutdown(0));
	process.on('SIGTERM', () => shutdown(0));

	try {
		app = await setUp({
			userFolder: path.join(ROOT, '.n8n-dev'),
			port: Number(process.env.N8N_PORT || 5678),
			simulator,
			log,
			onOutput: (chunk) => process.stdout.write(chunk),
		});
	} catch (error) {
		console.error(error);
		return shutdown(1);
	}
	app.n8n.process.on('exit', () => {
		if (!stopping) {
			console.error('[start] n8n exited unexpectedly');
			shutdown(1);
		}
	});

	console.log(`
  n8n with n8n-nodes-sms-verification is running.

    Editor:    ${app.url}
    E-mail:    ${app.owner.email}
    Password:  ${app.owner.password}

  Credentials: ${app.credentials.map((c) => c.name).join(', ')}
  Example workflows: ${app.workflows.map((w) => w.name).join(', ')} (open one, then "Execute workflow")
  Simulator: ${simulator.url} (SMS codes arrive after 3 status polls)

  Ctrl-C stops n8n and the simulator.
`);
}

module.exports = { setUp, credentialsFor, exampleWorkflow, exampleWorkflows, CREDENTIAL_IDS, WORKFLOW_IDS };

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
