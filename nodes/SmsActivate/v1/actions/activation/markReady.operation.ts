import { statusOperation } from './setStatus';

// setStatus 1: the SMS was requested on the service's side, so the server starts waiting for it.
export const { description, execute } = statusOperation('markReady', 1);
