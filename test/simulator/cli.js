#!/usr/bin/env node
'use strict';
// `npm run simulator [-- --port 8790]`: both providers, and every flavour of the sms-activate family, on
// 127.0.0.1 for a person to point n8n at.
// Demo codes arrive by themselves after a few polls, so a whole flow can be watched without curl.

const { startSimulator, DEMO_RENTVERIFY_TOKEN, DEMO_OTPVERIFIED_TOKEN, NO_ROLE_RENTVERIFY_TOKEN } = require('./index');

const AUTO_DELIVER_AFTER_POLLS = 3;

function portFromArgs(argv) {
	const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	const value = index === -1 ? process.env.SIMULATOR_PORT : argv[index].split('=')[1] ?? argv[index + 1];
	if (value === undefined || value === '') return 8790;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
	return port;
}

async function main() {
	const sim = await startSimulator({
		port: portFromArgs(process.argv.slice(2)),
		host: '127.0.0.1',
		autoDeliver: { afterPolls: AUTO_DELIVER_AFTER_POLLS },
	});
	const c = sim.url;
	const width = Math.max(...Object.keys(sim.flavours).map((name) => name.length));
	const flavourLines = Object.values(sim.flavours)
		.map((f) => `  ${f.name.padEnd(width)}  ${f.url}  api_key ${f.demoKey}${f.webhooks ? '  (webhook)' : ''}`)
		.join('\n');
	const hero = sim.flavours.heroSms;
	console.log(`SMS verification provider simulator on ${c}

RentVerify base URL   ${sim.rentVerifyUrl}
  token               ${DEMO_RENTVERIFY_TOKEN}
  no-role token       ${NO_ROLE_RENTVERIFY_TOKEN} (answers NO_ACTIVATION)
  sms-activate style  ${sim.rentVerifyStubUrl}?api_key=<token>&action=getBalance
OTPVerified base URL  ${sim.otpVerifiedUrl}
  API key             ${DEMO_OTPVERIFIED_TOKEN}

sms-activate protocol servers (each its own account; the RentVerify token works as api_key too):
${flavourLines}

Codes and messages arrive by themselves after ${AUTO_DELIVER_AFTER_POLLS} status polls.

Try:
  curl -H 'X-API-Token: ${DEMO_RENTVERIFY_TOKEN}' '${sim.rentVerifyUrl}/getNumber?service=tg&country=usa'
  curl -H 'Authorization: Bearer ${DEMO_OTPVERIFIED_TOKEN}' -H 'Content-Type: application/json' \\
       -d '{"serviceId":"1fe58df2","duration":"oneDay"}' ${sim.otpVerifiedUrl}/users/request-rental
  curl '${hero.url}?api_key=${hero.demoKey}&action=getNumber&service=tg&country=2'

Control API (no auth, loopback only):
  curl ${c}/__sim/state
  curl ${c}/__sim/requests
  curl -X POST ${c}/__sim/rentverify/activations/<id>/code -d '{"code":"123456"}'
  curl -X POST ${c}/__sim/rentverify/activations/<id>/retry
  curl -X POST ${c}/__sim/rentverify/activations/<id>/finish
  curl -X POST ${c}/__sim/rentverify/balance -d '{"balance":0.25}'
  curl -X POST ${c}/__sim/otpverified/rentals/<orderId>/messages -d '{"pin":"G-123456"}'
  curl -X POST ${c}/__sim/otpverified/balance -d '{"balance":100}'
  curl ${c}/__sim/flavours
  curl -X POST ${c}/__sim/flavours/heroSms/activations/<id>/code -d '{"code":"12345"}'
  curl -X POST ${c}/__sim/flavours/heroSms/options -d '{"earlyCancelMs":120000}'
  curl -X POST ${c}/__sim/flavours/heroSms/webhook -d '{"url":"http://127.0.0.1:9000/hook"}'
  curl ${c}/__sim/webhooks
  curl -X POST ${c}/__sim/faults -d '{"provider":"rentVerify","route":"getNumber","kind":"resetAfter"}'
  curl -X DELETE ${c}/__sim/faults
  curl -X POST ${c}/__sim/advance -d '{"ms":1200000}'
  curl -X POST ${c}/__sim/reset

Ctrl+C stops it.`);

	let stopping = false;
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the simulator`);
		sim.close().then(
			() => process.exit(0),
			(error) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
