import { fuzzSuite } from './harness';

/**
 * Issue 13: the journal importers fuzzed through `parseJournalImport` (harness.ts): Day One JSON and ZIP, Joplin JEX
 * and raw notes, Standard Notes backups, Markdown notes and ZIPs, and Hearth's own JSON and Markdown exports.
 */
fuzzSuite('journal importers fuzz', {
  'journal.dayone': [['journal/dayone', /\.(json|doentry)$/, 2]],
  'journal.joplin': [['journal/joplin', /\.(jex|md)$/, 2]],
  'journal.standard-notes': [['journal/standard-notes', /\.zip$/, 1]],
  'journal.markdown': [['journal/obsidian', /\.md$/, 3]],
  'journal.hearth': [],
});
