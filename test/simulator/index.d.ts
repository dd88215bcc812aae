// Public API of the provider simulator (test/simulator/index.js). Keep in step with the implementation.

/**
 * The servers of the sms-activate protocol family the simulator speaks, one flavour each
 * (test/simulator/family/flavours/, following docs/research/sms-activate-family.md).
 */
export type Flavour = 'smsActivate' | 'heroSms' | 'grizzlySms' | 'smsHub' | 'smsBower' | 'sms365' | 'smsMan' | 'smsOnline' | 'onlinesim';

/** Flavours that document a webhook push (sim.setWebhook); the others refuse one. */
export type WebhookFlavour = 'smsActivate' | 'heroSms' | 'smsBower' | 'smsOnline';

export type Provider = 'rentVerify' | 'otpVerified' | Flavour;

/** How a logged request ended; null while it is still in flight (e.g. a latency or hang fault). */
export type Outcome = 'answered' | 'reset-before' | 'reset-after' | 'timeout';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default '127.0.0.1'. The control API only answers loopback clients. */
	host?: string;
	/**
	 * Give every new activation a random 6-digit code, and every new rental a default message, once
	 * `afterPolls` status polls have been answered (the first `afterPolls` polls still see no code).
	 */
	autoDeliver?: { afterPolls: number } | null;
	/** Accepted RentVerify tokens; default [DEMO_RENTVERIFY_TOKEN]. NO_ROLE_RENTVERIFY_TOKEN is always known. */
	rentVerifyTokens?: string[];
	/** Accepted OTPVerified API keys; default [DEMO_OTPVERIFIED_TOKEN]. */
	otpVerifiedTokens?: string[];
	/** Seed for codes, ids, phone numbers and message ids (default fixed, so runs repeat). */
	seed?: number;
	/** Where the simulator clock starts (ms since epoch); it then runs in real time. Default: now. */
	startTime?: number;
	/** RentVerify activation lifetime; default 20 minutes. */
	activationLifetimeMs?: number;
	/** When set, an activation leaves the active list this long after a code arrived (see rentVerify.finish). */
	finishAfterCodeMs?: number | null;
	/** Initial balances in dollars; defaults 25.50 and 50.00. */
	rentVerifyBalance?: number;
	otpVerifiedBalance?: number;
	/** Initial balance (dollars) of every flavour's account; default 25.50. */
	flavourBalance?: number;
	/**
	 * The `api_key`s every flavour accepts; default [DEMO_RENTVERIFY_TOKEN, DEMO_FLAVOUR_KEYS[flavour]].
	 * (`activationLifetimeMs`, `autoDeliver` and `seed` apply to the flavours too.)
	 */
	flavourTokens?: string[];
}

export interface LoggedRequest {
	seq: number;
	provider: Provider;
	/** e.g. 'getNumber', 'request-rental'; for handler_api.php (RentVerify's and every flavour's) the `action`. */
	route: string;
	method: string;
	path: string;
	/** Query parameters, without any api_key (tokens and auth headers are never recorded). */
	query: Record<string, string>;
	/** Parsed JSON body, the raw text when it is not JSON, null when empty. */
	body: unknown;
	/** Simulator clock time the request arrived. */
	at: number;
	/** HTTP status sent, or null when nothing was sent. */
	status: number | null;
	outcome: Outcome | null;
}

export type FaultSpec = { times?: number } & (
	| { kind: 'latency'; ms: number }
	| { kind: 'hang' }
	| { kind: 'status'; status: number; body?: string }
	| { kind: 'html' }
	| { kind: 'empty' }
	| { kind: 'word'; body: string; status?: number }
	| { kind: 'resetBefore' }
	| { kind: 'resetAfter' }
	| { kind: 'rateLimit' }
	| { kind: 'errorSql' }
);

export type PendingFault = FaultSpec & { provider: Provider; route: string; times: number; remaining: number };

export type ActivationStatus = 'waiting' | 'received' | 'retry' | 'cancelled' | 'expired';

export interface Activation {
	/** Decimal string above 2^32. */
	id: string;
	/** E.164 with '+'. */
	phone: string;
	service: string;
	country: string;
	/** Dollars. */
	cost: number;
	/** 'retry' = STATUS_WAIT_RETRY; 'expired' = lifetime over without a code. */
	status: ActivationStatus;
	/** Left the active list (finish(), finishAfterCodeMs, or lifetime over after a code); getStatus keeps its answer. */
	finished: boolean;
	codes: Array<{ code: string; at: number }>;
	/** getStatus calls answered for it. */
	polls: number;
	createdAt: number;
	expiresAt: number;
}

/** Exactly one of afterPolls (the first n polls see nothing, poll n+1 sees it) or atMs (simulator clock time). */
export type ScriptTrigger = { afterPolls: number; atMs?: never } | { atMs: number; afterPolls?: never };

export interface RentVerifyControl {
	setBalance(dollars: number): void;
	balance(): number;
	/** Changes a price or availability; creates the pair (price required) for a known country and service. */
	setPrice(country: string, service: string, change: { price?: number; available?: number }): void;
	activation(id: string): Activation;
	activations(): Activation[];
	/** A code arrives now (random 6 digits when omitted). Throws (status 409) if the activation is closed. */
	deliverCode(id: string, code?: string): Activation;
	scriptCode(id: string, script: ScriptTrigger & { code?: string }): Activation;
	/** The service asks for another SMS: getStatus answers STATUS_WAIT_RETRY:{last code} until a new code. */
	requestRetry(id: string): Activation;
	/** Removes the activation from the active list; getStatus keeps answering its last status. */
	finish(id: string): Activation;
}

export interface RentalMessage {
	/** 8 hex digits. */
	id: string;
	orderId: string;
	/** 'YYYY-MM-DD HH:MM:SS EDT' (or EST), US Eastern wall time. */
	timestamp: string;
	service: string;
	sender: string;
	number: string;
	message: string;
	/** As the provider extracted it ('G-276964'); null when the text has no code. */
	pin: string | null;
}

export interface MessageContent {
	sender?: string;
	/** Default: the service's usual SMS around `pin`. */
	message?: string;
	/** Default: generated (e.g. 'G-276964'), or extracted from `message` when only that is given. */
	pin?: string;
}

export interface Rental {
	orderId: string;
	serviceId: string;
	serviceName: string;
	/** Digits without '+', e.g. '19128648532'. */
	number: string;
	areas: string | null;
	/** 'oneDay' … 'ninetyDay'. */
	duration: string;
	days: number;
	/** Charged price, e.g. '3.46'. */
	price: string;
	status: 'reserved' | 'released' | 'expired';
	purchasedAt: number;
	expiresAt: number;
	messages: RentalMessage[];
	/** rental-messages calls answered for it. */
	polls: number;
}

export interface OtpVerifiedControl {
	setBalance(dollars: number): void;
	balance(): number;
	rental(orderId: string): Rental;
	rentals(): Rental[];
	/** A message arrives (at `at`, default now). Throws (status 409) if the rental was released or expired. */
	addMessage(orderId: string, content?: MessageContent & { at?: number }): RentalMessage;
	scriptMessage(orderId: string, script: ScriptTrigger & MessageContent): Rental;
}

/** An activation of a flavour's account. */
export type FlavourActivationStatus = 'waiting' | 'received' | 'retry' | 'finished' | 'cancelled' | 'expired';

export interface FlavourActivation {
	/** Decimal string; each flavour starts at its documented example id (HeroSMS and SMSBower above 2^31). */
	id: string;
	/** Digits without '+', as the family sends them (e.g. '77012345678'). */
	phone: string;
	/** Service code: 'tg', 'wa', 'go', 'vk', 'fb'. */
	service: string;
	/** sms-activate country id: 0 Russia, 2 Kazakhstan, 6 Indonesia, 12 USA (virtual), 16 United Kingdom, 22 India. */
	country: number;
	/** Dollars, charged at purchase. */
	cost: number;
	/**
	 * 'retry' after setStatus 3 until a new code; 'finished' after setStatus 6 (or its lifetime ended after a
	 * code: the money is kept); 'cancelled' / 'expired' (no code) are refunded in full.
	 */
	status: FlavourActivationStatus;
	/** setStatus 1 was accepted. */
	ready: boolean;
	/** Dollars given back (cancel or expiry without a code); 0 otherwise. */
	refunded: number;
	codes: Array<{ code: string; text: string; at: number }>;
	/** getStatus / getStatusV2 calls answered for it. */
	polls: number;
	createdAt: number;
	expiresAt: number;
}

export interface FlavourPrice {
	country: number;
	service: string;
	/** Dollars. */
	cost: number;
	count: number;
	physicalCount: number;
}

/**
 * A flavour's options (configure): which exist depends on the flavour (configure throws, status 400, on
 * one it does not have, naming those it has). All flavours: activationLifetimeMs. Flavours with
 * getActiveActivations: maskActivePhones (default true, '79********1' as documented). Flavours documenting
 * EARLY_CANCEL_DENIED (smsActivate, heroSms, smsBower): earlyCancelMs (default 0 = off; 120000 is the
 * documented window). smsActivate: quoted (`ACCESS_BALANCE: '…'`, `STATUS_OK: '…'`, `STATUS_WAIT_RETRY: '…'`),
 * numbersStatus 'suffixed' (`{"tg_0":150}`) | 'plain' (`{"tg":150}`). heroSms: countries 'object' | 'array',
 * prices 'object' | 'array' (wrapped), activeList 'data' | 'activeActivations', statusV2 'current' | 'legacy',
 * retryWord 'retry' | 'resend'. smsBower: quoted (`STATUS_OK: '…'`), retryWord 'retry' | 'resend', live
 * (401 JSON bad key, WRONG_SERVICE, `{"error":"Bad service"}`).
 */
export interface FlavourOptions {
	activationLifetimeMs?: number;
	maskActivePhones?: boolean;
	earlyCancelMs?: number;
	quoted?: boolean;
	numbersStatus?: 'suffixed' | 'plain';
	countries?: 'object' | 'array';
	prices?: 'object' | 'array';
	activeList?: 'data' | 'activeActivations';
	statusV2?: 'current' | 'legacy';
	retryWord?: 'retry' | 'resend';
	live?: boolean;
}

/**
 * Refusals a flavour documents for getNumber / getNumberV2 (FlavourControl.refuse):
 * smsActivate banned | channelsLimit | wrongExceptionPhone | errorSql;
 * heroSms channelsLimit | banned | serviceNotAvailable | accountInactive | unprocessable | serverError (its envelopes);
 * grizzlySms notIssued ('the number has not been issued') | prohibited ('The service is prohibited for sale by
 * administration') | unavailableRegion | errorSql; the others errorSql.
 */
export type RefusalReason = string;

export interface WebhookOptions {
	/** Delays between attempts; default the documented delays × timeScale. The last one repeats if short. */
	retryDelaysMs?: number[];
	/** Default 0.0001 (HeroSMS's 25 s → 2.5 ms, SMSBower's 1 min / 5 min → 6 / 30 ms). */
	timeScale?: number;
	/** How long an attempt may take; default 3000 for HeroSMS (documented), 10000 otherwise. */
	timeoutMs?: number;
}

export interface WebhookSettings {
	url: string;
	/** The documented number of attempts: smsActivate 8, heroSms 8, smsBower 3, smsOnline 1. */
	attempts: number;
	retryDelaysMs: number[];
	timeoutMs: number;
}

export type WebhookKind = 'code' | 'malformed' | 'unknownActivation' | 'repeat';

/** One POST attempt of a webhook delivery. */
export interface WebhookDelivery {
	seq: number;
	/** Attempts of one delivery share it. */
	deliveryId: number;
	flavour: WebhookFlavour;
	kind: WebhookKind;
	/** As in the body (string); null for a malformed body. */
	activationId: string | null;
	url: string;
	/** 1-based. */
	attempt: number;
	/** The documented maximum. */
	attempts: number;
	/** Exactly the bytes POSTed (JSON, application/json). */
	body: string;
	/** Simulator clock time of the attempt. */
	at: number;
	/** Wall-clock time it was sent (Date.now()). */
	sentAt: number;
	/** The receiver's HTTP status; null while in flight or when none came (see error). */
	status: number | null;
	/** 'timeout', 'ECONNREFUSED', … when no status came. */
	error: string | null;
	/** HTTP 200: the only answer every documenting server takes as received. */
	ok: boolean;
	/** The last attempt of its delivery (ok, or attempts used up). */
	final: boolean;
}

export interface FlavourControl {
	readonly name: Flavour;
	/** 'HeroSMS', 'sms-activate', … */
	readonly title: string;
	/** The research section the flavour follows. */
	readonly research: string;
	/** `${sim.url}/<flavour>/stubs/handler_api.php`: the base URL for a credential (`?api_key=…&action=…`). */
	readonly url: string;
	/** This flavour's own demo key (DEMO_RENTVERIFY_TOKEN works too). */
	readonly demoKey: string;
	/** The actions it answers; any other action is its unknown-action answer (BAD_ACTION, HeroSMS 404 JSON). */
	readonly actions: readonly string[];
	/** The setStatus codes it accepts; others answer BAD_STATUS. */
	readonly statuses: readonly number[];
	/** Whether it documents a webhook push. */
	readonly webhooks: boolean;
	readonly refusalReasons: readonly RefusalReason[];
	setBalance(dollars: number): void;
	balance(): number;
	/** Changes a price or stock; creates the pair (cost required) for a known country id and service. */
	setPrice(country: number | string, service: string, change: { cost?: number; count?: number; physicalCount?: number }): FlavourPrice;
	prices(): FlavourPrice[];
	/** Changes options (see FlavourOptions); returns every option in force. Reset restores the defaults. */
	configure(changes: FlavourOptions): FlavourOptions;
	options(): FlavourOptions;
	/** The next `times` getNumber / getNumberV2 answer this documented refusal, spending nothing. */
	refuse(reason: RefusalReason, times?: number): void;
	activation(id: string): FlavourActivation;
	activations(): FlavourActivation[];
	/** A code arrives now (random 6 digits when omitted; text default 'Your <Service> code: <code>'); fires the webhook. */
	deliverCode(id: string, code?: string, sms?: { text?: string }): FlavourActivation;
	scriptCode(id: string, script: ScriptTrigger & { code?: string; text?: string }): FlavourActivation;
	/** As setStatus 3: getStatus answers the retry word until a new code. */
	requestRetry(id: string): FlavourActivation;
	/** As setStatus 6 (needs a code). */
	finish(id: string): FlavourActivation;
}

export interface FlavourState {
	balance: number;
	options: FlavourOptions;
	prices: FlavourPrice[];
	activations: FlavourActivation[];
	refusals: Array<{ reason: RefusalReason; remaining: number }>;
	webhook: WebhookSettings | null;
}

export interface SimulatorState {
	now: number;
	rentVerify: {
		balance: number;
		activations: Activation[];
		prices: Record<string, Record<string, { price: number; available: number; price_id: string }>>;
	};
	otpVerified: { balance: number; rentals: Rental[] };
	flavours: Record<Flavour, FlavourState>;
	faults: PendingFault[];
}

export interface Simulator {
	/** 'http://127.0.0.1:PORT' */
	readonly url: string;
	readonly port: number;
	/** `${url}/rentverify/api/v1`: what a RentVerify credential's base URL points at. */
	readonly rentVerifyUrl: string;
	/** `${url}/otpverified/api/v1` */
	readonly otpVerifiedUrl: string;
	/** `${url}/rentverify/stubs/handler_api.php`: the sms-activate URL style (?api_key=…&action=…). */
	readonly rentVerifyStubUrl: string;
	readonly rentVerify: RentVerifyControl;
	readonly otpVerified: OtpVerifiedControl;
	/** Every flavour of the sms-activate family, each its own account. */
	readonly flavours: Readonly<Record<Flavour, FlavourControl>>;
	/** Same as flavours[name].url; the name's case does not matter. */
	flavourUrl(flavour: Flavour): string;
	/**
	 * Gives a flavour that documents webhooks (WebhookFlavour) a webhook URL (null clears it): from then on
	 * each delivered code is POSTed there with the flavour's documented body, retried on non-200 as
	 * documented. Throws (status 400) for a flavour without a documented webhook.
	 */
	setWebhook(flavour: WebhookFlavour, url: string | null, options?: WebhookOptions): WebhookSettings | null;
	/**
	 * A deliberate delivery for receiver tests, through the same retry policy: 'malformed' (a JSON body cut
	 * in half, or `body`), 'unknownActivation' (a well-formed body for an id no activation has, or
	 * `activationId`), 'repeat' (the last delivered body again, of `activationId` when given).
	 * Resolves with its attempts once they are over. Throws when no webhook URL is set.
	 */
	sendWebhook(
		flavour: WebhookFlavour,
		kind: 'malformed' | 'unknownActivation' | 'repeat',
		options?: { activationId?: string; body?: string; code?: string },
	): Promise<WebhookDelivery[]>;
	/** Every webhook attempt, oldest first (emptied by reset). */
	readonly webhookDeliveries: readonly WebhookDelivery[];
	/** Resolves once no webhook delivery (with its retries) is running. */
	webhooksIdle(): Promise<void>;
	/** Every provider request, oldest first (control API requests are not logged). */
	readonly requests: readonly LoggedRequest[];
	/** Requests that reached the route, whatever their outcome. */
	count(provider: Provider, route: string): number;
	/** Successful spends: activations bought / rentals made. */
	purchases(provider: Provider): number;
	now(): number;
	advanceTime(ms: number): void;
	/**
	 * Queues a fault for the next request(s) to that route; faults are consumed in order. For a flavour the
	 * route is the `action`; a status fault without a body answers HeroSMS's JSON envelope on heroSms
	 * (500 → SERVER_ERROR), plain text elsewhere; errorSql works on every flavour.
	 */
	fault(provider: Provider, route: string, spec: FaultSpec): void;
	clearFaults(): void;
	state(): SimulatorState;
	/**
	 * Back to the initial state: clock, balances, catalog, no activations/rentals, no faults, empty log; the
	 * flavours' options, refusals, webhook URLs and deliveries too (running retries stop).
	 */
	reset(): void;
	/** Stops the server and drops every open connection at once. */
	close(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

/** 64-char lowercase hex. */
export const DEMO_RENTVERIFY_TOKEN: string;
/** 64-char lowercase hex; a valid account that may not use the API (NO_ACTIVATION, 403). */
export const NO_ROLE_RENTVERIFY_TOKEN: string;
/** 'otpv_demo_…' */
export const DEMO_OTPVERIFIED_TOKEN: string;
/** Every flavour, in a fixed order. */
export const FLAVOURS: readonly Flavour[];
/** Each flavour's own demo `api_key` (every flavour also takes DEMO_RENTVERIFY_TOKEN). */
export const DEMO_FLAVOUR_KEYS: Readonly<Record<Flavour, string>>;
export const WEBHOOK_KINDS: readonly ['malformed', 'unknownActivation', 'repeat'];
