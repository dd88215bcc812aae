// Fails unless `npm pack` would publish only the built package: dist/, package.json, README.md, LICENSE.
const { execFileSync } = require('node:child_process');

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const allowed = (path) => path.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(path);
const unexpected = pack.files.map((file) => file.path).filter((path) => !allowed(path));
const missing = ['package.json', 'README.md', 'LICENSE', 'dist/nodes/SmsVerification/SmsVerification.node.js'].filter(
	(path) => !pack.files.some((file) => file.path === path),
);
if (unexpected.length > 0 || missing.length > 0) {
	console.error('npm pack would publish the wrong files.');
	if (unexpected.length > 0) console.error(`Unexpected: ${unexpected.join(', ')}`);
	if (missing.length > 0) console.error(`Missing: ${missing.join(', ')}`);
	process.exit(1);
}
console.log(`npm pack: ${pack.files.length} files, all under dist/ or package.json, README.md, LICENSE.`);
