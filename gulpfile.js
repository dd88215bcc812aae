// Copies what tsc does not emit beside the compiled code: the SVG icons (n8n resolves `file:` icons
// relative to the built files) and each node's codex file (`<Node>.node.json`, read next to the node).
const { src, dest, parallel } = require('gulp');

function buildIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = parallel(buildIcons, copyCodex);
