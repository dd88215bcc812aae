// README's table of the sms-activate servers is the code's table (nodes/shared/transport/activationServers.ts),
// row for row: one truth for what each server offers.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { FAMILY_SERVERS } from '../../nodes/shared/transport/activationServers';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

function tableRows(): string[][] {
	const table = /<!-- servers:start -->\n([\s\S]*?)<!-- servers:end -->/.exec(readme)?.[1] ?? '';
	return table
		.trim()
		.split('\n')
		.slice(2)
		.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

test('README lists every server of the code, with its address, extensions, setStatus codes and webhook', () => {
	const rows = tableRows();
	expect(rows.map((row) => row[0])).toEqual([...FAMILY_SERVERS.map((server) => server.name), 'Custom']);
	for (const server of FAMILY_SERVERS) {
		const row = rows.find((r) => r[0] === server.name) as string[];
		expect(row).toEqual([
			server.name,
			`\`${server.baseUrl}\``,
			server.extensions.length > 0 ? server.extensions.join(', ') : '–',
			server.statuses.join(', '),
			server.webhook ? 'yes' : 'no',
		]);
	}
});
