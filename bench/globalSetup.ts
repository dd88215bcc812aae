// `npm run bench`, before any bench file: the rows of an earlier run are not this run's.
import * as fs from 'node:fs';

import { ROWS_DIR, noteStartLoad } from './measure';

export default function globalSetup(): void {
	fs.rmSync(ROWS_DIR, { recursive: true, force: true });
	fs.mkdirSync(ROWS_DIR, { recursive: true });
	noteStartLoad();
}
