// What `npm pack` would publish, checked twice:
// 1. only dist/, package.json, README.md and LICENSE are in it;
// 2. n8n's own community-package scanner (@n8n/scan-community-package, the analysis n8n runs before it
//    verifies a package) passes on the unpacked tarball.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = (args, options = {}) => execFileSync('npm', [...args, '--ignore-scripts'], { encoding: 'utf8', ...options });
const failures = [];

const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json']));
const paths = pack.files.map((file) => file.path);
const allowed = (path) => path.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(path);
const unexpected = paths.filter((path) => !allowed(path));
const { n8n } = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('package.json', 'utf8')));
const required = ['package.json', 'README.md', 'LICENSE', ...n8n.nodes, ...n8n.credentials];
const missing = required.filter((path) => !paths.includes(path));
if (unexpected.length > 0) failures.push(`npm pack would publish files outside dist/: ${unexpected.join(', ')}`);
if (missing.length > 0) failures.push(`npm pack would leave out: ${missing.join(', ')}`);

const folder = mkdtempSync(join(tmpdir(), 'sms-verification-pack-'));
try {
	const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', folder]));
	execFileSync('tar', ['xzf', join(folder, packed.filename), '-C', folder]);
	// The scanner makes a temporary folder in TMPDIR when it is loaded and leaves it behind: load it
	// with TMPDIR set to our folder, which is removed below.
	process.env.TMPDIR = folder;
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const scan = await analyzePackage(join(folder, 'package'), ['**/*.js', 'package.json']);
	if (!scan.passed) failures.push(`n8n's community-package scanner failed: ${scan.message}\n${scan.details ?? ''}`);
} finally {
	rmSync(folder, { recursive: true, force: true });
}

if (failures.length > 0) {
	console.error(failures.join('\n'));
	process.exit(1);
}
console.log(`Package check: ${paths.length} files, all under dist/ or package.json, README.md, LICENSE; n8n's scanner passed.`);
