import type { ICredentialDataDecryptedObject, IPollFunctions } from 'n8n-workflow';

/**
 * The poll's context with its credential read once per poll rather than once per request.
 *
 * Each transport call asks n8n for the credential (`getCredentials`), and n8n reads it again every
 * time: from its database, decrypted, with defaults and expressions applied. A poll has no items, so
 * all its requests use the same credential; for a poll of hundreds of status requests that read was
 * most of our own time per request. Each caller gets its own copy, as from n8n; a failed read is not
 * kept, so the next request reads again as before.
 */
export function readCredentialsOnce(context: IPollFunctions): IPollFunctions {
	const reads = new Map<string, Promise<ICredentialDataDecryptedObject>>();
	const once: IPollFunctions = Object.create(context) as IPollFunctions;
	once.getCredentials = async <T extends object = ICredentialDataDecryptedObject>(type: string): Promise<T> => {
		let read = reads.get(type);
		if (read === undefined) {
			read = context.getCredentials(type);
			reads.set(type, read);
			read.catch(() => reads.delete(type));
		}
		return { ...(await read) } as T;
	};
	return once;
}
