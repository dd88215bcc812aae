'use strict';
// The sms-activate protocol family: one flavour per documented server shape (flavours/*.js, each citing
// docs/research/sms-activate-family.md), each its own account at `${url}/<flavour>/stubs/handler_api.php`,
// plus the webhook push of the flavours that document one.

const { createFlavour } = require('./engine');
const { createWebhooks } = require('./webhooks');
const { invalid } = require('../errors');

const TABLES = {
	smsActivate: require('./flavours/smsActivate'),
	heroSms: require('./flavours/heroSms'),
	grizzlySms: require('./flavours/grizzlySms'),
	smsHub: require('./flavours/smsHub'),
	smsBower: require('./flavours/smsBower'),
	sms365: require('./flavours/sms365'),
	smsMan: require('./flavours/smsMan'),
	smsOnline: require('./flavours/smsOnline'),
	onlinesim: require('./flavours/onlinesim'),
};

const FLAVOURS = Object.freeze(Object.keys(TABLES));
const DEMO_FLAVOUR_KEYS = Object.freeze(Object.fromEntries(FLAVOURS.map((name) => [name, TABLES[name].demoKey])));
const WEBHOOK_KINDS = ['malformed', 'unknownActivation', 'repeat'];

/** 'herosms' from a URL or a person's curl means 'heroSms'. */
function flavourName(name) {
	const found = FLAVOURS.find((f) => f.toLowerCase() === String(name).toLowerCase());
	if (!found) throw invalid(`flavour must be one of ${FLAVOURS.join(', ')}, got ${name}`);
	return found;
}

function createFamily({ clock, seed, tokens, balance, activationLifetimeMs, autoDeliver }) {
	const webhooks = createWebhooks({ clock, tables: TABLES });
	const engines = {};
	FLAVOURS.forEach((name, index) => {
		engines[name] = createFlavour({
			table: TABLES[name],
			clock,
			// A seed per flavour: runs repeat, flavours do not mirror each other.
			seed: seed + 7919 * (index + 1),
			tokens: tokens(name),
			balance,
			activationLifetimeMs,
			autoDeliver,
			onCode: (view, sms) => webhooks.onCode(name, view, sms),
		});
	});

	/** A deliberate webhook delivery: a malformed body, an unknown activation, or a repeat of a delivered body. */
	function send(flavour, kind, { activationId, body, code } = {}) {
		const name = flavourName(flavour);
		const table = TABLES[name];
		if (!table.webhook) throw invalid(`${table.title} documents no webhook (${table.research})`);
		const engine = engines[name];
		switch (kind) {
			case 'malformed': {
				if (body !== undefined && typeof body !== 'string') throw invalid('a malformed webhook body must be a string');
				const sample = JSON.stringify(table.webhook.body(engine.sampleView(engine.unknownId()), { code: '12345', text: 'Sms text', at: clock.now() }));
				// Cut inside the JSON: not parseable, yet it looks like the real thing.
				return webhooks.send(name, { kind, activationId: null, body: body ?? sample.slice(0, Math.floor(sample.length / 2)) });
			}
			case 'unknownActivation': {
				const id = activationId === undefined ? engine.unknownId() : String(activationId);
				if (engine.hasActivation(id)) throw invalid(`${table.title} activation ${id} exists; an unknown activation needs another id`);
				const sms = { code: code ?? '12345', text: `Your Telegram code: ${code ?? '12345'}`, at: clock.now() };
				return webhooks.send(name, { kind, activationId: id, body: JSON.stringify(table.webhook.body(engine.sampleView(id), sms)) });
			}
			case 'repeat': {
				const last = webhooks.lastBody(name, activationId === undefined ? undefined : String(activationId));
				if (!last) throw invalid(`nothing was delivered to ${table.title}'s webhook${activationId === undefined ? '' : ` for ${activationId}`} to repeat`);
				return webhooks.send(name, { kind, activationId: last.activationId, body: last.body });
			}
			default:
				throw invalid(`a webhook send kind must be one of ${WEBHOOK_KINDS.join(', ')}, got ${kind}`);
		}
	}

	return {
		engines,
		webhooks,
		send,
		setOrigin(url) {
			for (const engine of Object.values(engines)) engine.setOrigin(url);
		},
		settleAll() {
			for (const engine of Object.values(engines)) engine.settleAll();
		},
		reset() {
			webhooks.reset();
			for (const engine of Object.values(engines)) engine.reset();
		},
		state: () => Object.fromEntries(FLAVOURS.map((name) => [name, { ...engines[name].state(), webhook: webhooks.get(name) }])),
	};
}

module.exports = { createFamily, FLAVOURS, DEMO_FLAVOUR_KEYS, TABLES, flavourName, WEBHOOK_KINDS };
