import { statusOperation } from './setStatus';

// setStatus 3: another SMS on the same number, after a code arrived.
export const { description, execute } = statusOperation('requestAnotherSms', 3);
