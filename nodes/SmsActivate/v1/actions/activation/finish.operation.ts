import { statusOperation } from './setStatus';

// setStatus 6: the code was used, so the activation is finished (and not refunded).
export const { description, execute } = statusOperation('finish', 6);
