import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { benchJournalImport } from './journal-import.bench';
import { benchJournalOpen } from './journal-open.bench';
import { benchJournalSearch } from './journal-search.bench';
import { progress, type Measurement } from './measure';

/**
 * The journal section (issue 9), each part on its own fresh encrypted profile through the real module and router:
 * import of a Markdown folder (journal-import.bench.ts), search over many entries (journal-search.bench.ts) and
 * opening an entry with photos (journal-open.bench.ts). Call from bench.ts:
 *   const journal = await benchJournal({ root: subdir(tmp, 'journal'), notes: 10_000, entries: 100_000, searches: 200, photos: 20, opens: 30 });
 */
export interface JournalBenchOptions {
  root: string;
  /** Markdown notes imported. */
  notes: number;
  /** Entries searched. */
  entries: number;
  searches: number;
  /** Photos on the opened entry, and timed opens. */
  photos: number;
  opens: number;
}

export async function benchJournal(opts: JournalBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const dir = (name: string) => {
    const d = path.join(opts.root, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  progress(`  journal: import of ${opts.notes} Markdown notes`);
  const imported = await benchJournalImport(dir('import'), opts.notes);
  progress(`  journal: ${opts.searches} searches over ${opts.entries} entries`);
  const search = await benchJournalSearch(dir('search'), opts.entries, opts.searches);
  progress(`  journal: opening an entry with ${opts.photos} photos`);
  const open = await benchJournalOpen(dir('open'), opts.photos, opts.opens);
  return {
    measurements: [...imported.measurements, ...search.measurements, ...open.measurements],
    notes: [...imported.notes, ...search.notes, ...open.notes],
  };
}
