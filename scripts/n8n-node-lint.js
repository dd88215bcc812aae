// `npm run lint:n8n-node`: `n8n-node lint` (@n8n/node-cli, the tool n8n asks verified authors to use),
// exactly as it runs in a project that `n8n-node new` made, on the sources this package publishes.
//
// Why not in the repository root: package.json says `"strict": true`, and in strict mode `n8n-node lint`
// first requires eslint.config.mjs to be n8n-node's default file, byte for byte (modulo whitespace), which
// lints every .ts file of the project with n8n's community-node rules. Ours keeps those rules for nodes/,
// credentials/ and package.json and leaves test/, scripts/ and bench/ (never published) out, since tests
// must use fs, process, child_process and timers. So this script copies what n8n-node would see in a
// node project (package.json, tsconfig.json, nodes/, credentials/, icons/) into a temporary folder, puts
// n8n-node's own default eslint.config.mjs beside them (taken from the installed @n8n/node-cli, so it is
// always the default of the pinned version) and runs `n8n-node lint` there, strict-mode check included.
// The folder reaches this repository's node_modules through a symlink and is removed afterwards.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** What an n8n-node project holds that its lint reads (icons: the icon rules check the files exist). */
const COPIED = ['package.json', 'tsconfig.json', 'nodes', 'credentials', 'icons'];

/** @n8n/node-cli's folder (its exports name only `./eslint`: dist/configs/eslint.js, three levels down). */
function nodeCliDir() {
	const dir = path.resolve(require.resolve('@n8n/node-cli/eslint', { paths: [ROOT] }), '..', '..', '..');
	const { name } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	if (name !== '@n8n/node-cli') throw new Error(`expected @n8n/node-cli in ${dir}, found ${name}`);
	return dir;
}

/** n8n-node's default eslint.config.mjs, the one its strict mode compares with. */
function defaultEslintConfig() {
	return path.join(nodeCliDir(), 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs');
}

function main() {
	const config = defaultEslintConfig();
	if (!fs.existsSync(config)) {
		console.error(`lint:n8n-node: @n8n/node-cli has no default eslint.config.mjs at ${config}; did its layout change?`);
		process.exit(1);
	}
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-node-lint-'));
	let result;
	try {
		for (const entry of COPIED) fs.cpSync(path.join(ROOT, entry), path.join(folder, entry), { recursive: true });
		fs.copyFileSync(config, path.join(folder, 'eslint.config.mjs'));
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
		const bin = path.join(nodeCliDir(), 'bin', 'n8n-node.mjs');
		result = spawnSync(process.execPath, [bin, 'lint'], { cwd: folder, stdio: 'inherit' });
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	if (result.error) throw result.error;
	if (result.status !== 0) {
		console.error(
			`lint:n8n-node: n8n-node lint failed (${result.signal ?? `exit ${result.status}`}); the paths above are in a ` +
				'temporary copy: the same paths in this repository are the files to fix',
		);
		process.exit(result.status || 1);
	}
	console.log('lint:n8n-node: n8n-node lint passed on nodes/, credentials/ and package.json with its default config');
}

if (require.main === module) main();

module.exports = { COPIED, defaultEslintConfig };
