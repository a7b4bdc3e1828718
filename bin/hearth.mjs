#!/usr/bin/env node
// The `hearth` command: runs the built CLI (npm run build writes dist/main/cli.cjs).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('Hearth is not built yet. Run: npm run build\n');
  process.exit(1);
}
createRequire(import.meta.url)(cli);
