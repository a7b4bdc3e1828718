#!/usr/bin/env node
// Placeholder until the Electron helper lands: checks the Node-ABI build of the SQLite addon loads.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const target = process.argv[2] ?? 'node';
if (target === 'node') {
  const Sqlite = require('better-sqlite3-multiple-ciphers');
  new Sqlite(':memory:').close();
}
