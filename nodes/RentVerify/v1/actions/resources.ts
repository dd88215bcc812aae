import * as account from '../../../shared/activation/account/Account.resource';
import * as activation from '../../../shared/activation/activation/Activation.resource';
import * as catalog from '../../../shared/activation/catalog/Catalog.resource';
import { activationResources } from '../../../shared/activation/nodeDescription';

export { account, activation, catalog };

/** RentVerify offers the protocol's operations as they are. */
export const description = activationResources(activation.description, catalog.description);
