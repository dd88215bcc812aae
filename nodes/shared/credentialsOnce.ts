import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** A context that reads credentials: the action node's, a poll's. */
interface ReadsCredentials {
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
}

/**
 * The context with each credential read once per run (per item where n8n reads it per item) rather than
 * once per request.
 *
 * Each transport call asks n8n for the credential (`getCredentials`), and n8n reads it again every
 * time: from its database, decrypted, with defaults and expressions applied. Within one run of a node
 * an item's credential cannot change, so for a poll of hundreds of status requests, or an item that
 * checks its server and then sends, that read was most of our own time per request. Each caller gets
 * its own copy, as from n8n; a failed read is not kept, so the next request reads again as before.
 */
export function readCredentialsOnce<Context extends ReadsCredentials>(context: Context): Context {
	const reads = new Map<string, Promise<ICredentialDataDecryptedObject>>();
	const once = Object.create(context) as Context;
	once.getCredentials = async <T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T> => {
		const key = `${type}#${itemIndex ?? ''}`;
		let read = reads.get(key);
		if (read === undefined) {
			read = context.getCredentials(type, itemIndex);
			reads.set(key, read);
			read.catch(() => reads.delete(key));
		}
		return { ...(await read) } as T;
	};
	return once;
}
