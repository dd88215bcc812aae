'use strict';
// What every flavour of the sms-activate family sells at the start: sms-activate's numeric country ids and
// short service codes (docs/research/sms-activate-family.md §0: getCountries is keyed by numeric id,
// getPrices by country id then service code). Each flavour gets its own copy (its own account), so one
// flavour's purchases never move another's stock. Money is dollars here (currency 840), cents inside.

/** id → names in the three languages getCountries carries, the dialling code, and how its numbers look. */
const COUNTRIES = [
	{ id: 0, eng: 'Russia', rus: 'Россия', chn: '俄罗斯', phoneCode: 7, phone: (rng) => `79${rng.digits(9)}` },
	{ id: 2, eng: 'Kazakhstan', rus: 'Казахстан', chn: '哈萨克斯坦', phoneCode: 7, phone: (rng) => `77${rng.digits(9)}` },
	{ id: 6, eng: 'Indonesia', rus: 'Индонезия', chn: '印度尼西亚', phoneCode: 62, phone: (rng) => `628${rng.digits(9)}` },
	{ id: 12, eng: 'USA (virtual)', rus: 'США (виртуальные)', chn: '美国（虚拟）', phoneCode: 1, phone: (rng) => `1202555${rng.digits(4)}` },
	// Ofcom's drama range: plausible, never a real subscriber.
	{ id: 16, eng: 'United Kingdom', rus: 'Великобритания', chn: '英国', phoneCode: 44, phone: (rng) => `447700900${rng.digits(3)}` },
	{ id: 22, eng: 'India', rus: 'Индия', chn: '印度', phoneCode: 91, phone: (rng) => `919${rng.digits(9)}` },
];

/** Service code → the name a webhook's `phoneFrom` and the service lists show. */
const SERVICES = { tg: 'Telegram', wa: 'WhatsApp', go: 'Google', vk: 'VKontakte', fb: 'Facebook' };

// [country, service, dollars, count, physicalCount]. Not every service everywhere; two pairs are listed
// but sold out (NO_NUMBERS): 0.go and 12.wa.
const INITIAL_PRICES = [
	[0, 'tg', 0.35, 150, 60],
	[0, 'vk', 0.12, 890, 400],
	[0, 'wa', 0.8, 40, 10],
	[0, 'go', 0.2, 0, 0],
	[2, 'tg', 0.5, 120, 50],
	[2, 'wa', 1.1, 30, 12],
	[2, 'go', 0.25, 200, 80],
	[6, 'tg', 0.3, 300, 120],
	[6, 'wa', 0.45, 85, 30],
	[12, 'tg', 0.75, 64, 0],
	[12, 'go', 0.6, 210, 0],
	[12, 'wa', 1.2, 0, 0],
	[16, 'tg', 0.9, 31, 5],
	[22, 'tg', 0.2, 500, 250],
	[22, 'go', 0.15, 400, 100],
];

/** sms-activate's getNumber without `country` buys in Russia (id 0). */
const DEFAULT_COUNTRY = 0;

const countryById = (id) => COUNTRIES.find((c) => c.id === id);

/** A country id as a request or a test gives it ('2', 2) → 2, or undefined when it is not one of ours. */
function countryId(value) {
	if (value === undefined || value === null || value === '') return undefined;
	const id = Number(value);
	return Number.isInteger(id) && countryById(id) ? id : undefined;
}

module.exports = { COUNTRIES, SERVICES, INITIAL_PRICES, DEFAULT_COUNTRY, countryById, countryId };
