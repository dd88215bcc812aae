import * as account from '../../../shared/activation/account/Account.resource';
import { activationResources } from '../../../shared/activation/nodeDescription';
import * as activation from './activation/Activation.resource';
import * as catalog from './catalog/Catalog.resource';

export { account, activation, catalog };

/** The protocol's operations plus what the family documents beyond RentVerify (setStatus 1/3/6, getNumbersStatus). */
export const description = activationResources(activation.description, catalog.description);
