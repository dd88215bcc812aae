// Copies the SVG icons beside the compiled code: n8n resolves `file:` icons relative to the built files.
const { src, dest } = require('gulp');

function buildIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
