import { fuzzSuite } from './harness';

/** Issue 13: the email readers (message, mbox, emlx) and the batches CSV import fuzzed (harness.ts). */
fuzzSuite('email and batches importers fuzz', {
  'email.eml': [['email', /\.eml$/, 3]],
  'email.mbox': [['email', /\.(mbox|mboxrd)$/, 2]],
  'email.emlx': [['email', /\.emlx$/, 2]],
  'batches.csv': [],
});
