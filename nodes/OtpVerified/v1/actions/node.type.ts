/** Every resource → operation of OTPVerified v1; the router's table is typed from it. */
export type OtpVerifiedMap = {
	catalog: 'getServices';
	rental: 'rentNumber' | 'getMessages' | 'waitForMessage' | 'release';
};
