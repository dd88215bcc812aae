/** Every resource → operation of SMS-Activate Protocol v1; the router's table is typed from it. */
export type SmsActivateMap = {
	account: 'getBalance';
	catalog: 'getCountries' | 'getServices' | 'getPrices' | 'getAvailableNumbers';
	activation: 'buyNumber' | 'getStatus' | 'waitForCode' | 'cancel' | 'getAll' | 'markReady' | 'requestAnotherSms' | 'finish';
};
