/** Every resource → operation of RentVerify v1; the router's table is typed from it. */
export type RentVerifyMap = {
	account: 'getBalance';
	catalog: 'getCountries' | 'getServices' | 'getPrices';
	activation: 'buyNumber' | 'getStatus' | 'waitForCode' | 'cancel' | 'getAll';
};
