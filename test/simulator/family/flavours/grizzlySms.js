'use strict';
// GrizzlySMS, as docs/research/sms-activate-family.md §3 documents it ([S12]): "compatible with the
// sms-activate API", plain words with HTTP 200, and plain English sentences for some refusals.
// getStatus's answers and getNumberV2's fields are cut off in every stored copy: they follow the reference (§0).

const { defineFlavour, referenceNumberV2 } = require('../flavour');
const s = require('../shapes');

module.exports = defineFlavour({
	name: 'grizzlySms',
	title: 'GrizzlySMS',
	research: 'docs/research/sms-activate-family.md §3 GrizzlySMS',
	demoKey: 'grizzly_demo_5b2e9f17c3a84d06',
	// §3 getNumber example: ACCESS_NUMBER:38496653:66846426435.
	firstId: 38496653,
	// §3: getNumber, getNumberV2, setStatus, getStatus documented; getPrices / getCountries / getActiveActivations
	// not confirmed (BAD_ACTION here).
	actions: ['getBalance', 'getNumber', 'getNumberV2', 'getStatus', 'setStatus'],
	// §3 setStatus: -1 cancel, 1 ready, 3 next code, 6 complete, 8 cancel; its answers and errors (ERROR_SQL,
	// NO_ACTIVATION, BAD_SERVICE, BAD_STATUS, BAD_KEY, BAD_ACTION) are the reference's.
	statuses: [-1, 1, 3, 6, 8],
	// §3 getNumber errors: plain sentences and SERVICE_UNAVAILABLE_REGION.
	refusals: {
		notIssued: () => s.word('the number has not been issued'),
		prohibited: () => s.word('The service is prohibited for sale by administration'),
		unavailableRegion: () => s.word('SERVICE_UNAVAILABLE_REGION'),
		errorSql: () => s.word('ERROR_SQL'),
	},
	answers: {
		// §3 getNumber: the reference's ACCESS_NUMBER. §3 lists BAD_SERVICE among setStatus's errors; getNumber's
		// list lacks it and NO_BALANCE (the reference's words are assumed).
		badCountry: () => s.word('SERVICE_UNAVAILABLE_REGION'),
		// §3 getNumber takes `maxPrice`; its refusal is not documented: nothing at that price is NO_NUMBERS.
		wrongMaxPrice: () => s.word('NO_NUMBERS'),
		// §3 getNumberV2 exists, fields not readable: the reference shape (§0).
		numberV2: referenceNumberV2,
		// §3 getStatus: answers cut off; the reference words.
	},
	// §3 Webhook: not confirmed.
});
