// Writes test/descriptions/<node>.v<version>.json: what each version of each node shows n8n, as the
// built package describes it. test/integration/nodeDescriptions.test.ts compares the nodes with these
// files, so a change to a shipped version's description is never an accident: ship it as a new version
// (VersionedNodeType, see nodes/RentVerify/RentVerify.node.ts) and snapshot that one. Run after
// `npm run build`: `npm run snapshot:descriptions`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test', 'descriptions');

/** The description as n8n reads it, without functions, in a stable text form. */
function snapshotOf(description) {
	return `${JSON.stringify(description, null, '\t')}\n`;
}

function main() {
	const { n8n } = require(path.join(ROOT, 'package.json'));
	fs.mkdirSync(OUT, { recursive: true });
	for (const file of n8n.nodes) {
		const exported = require(path.join(ROOT, file));
		const NodeClass = Object.values(exported)[0];
		const node = new NodeClass();
		for (const [version, versionNode] of Object.entries(node.nodeVersions ?? { [node.description.version]: node })) {
			const name = `${versionNode.description.name}.v${version}.json`;
			fs.writeFileSync(path.join(OUT, name), snapshotOf(versionNode.description));
			console.log(`wrote test/descriptions/${name}`);
		}
	}
}

module.exports = { snapshotOf };

if (require.main === module) main();
