/**
 * Instant vault search: an in-memory index of non-secret text, rebuilt lazily after writes.
 * Every query term must match somewhere (AND); matches in the title rank above username and URL,
 * which rank above tags, folder and notes; prefix-of-word beats substring. Secrets are never indexed.
 */
export interface SearchDoc {
  id: string;
  title: string;
  subtitle: string;
  urls: string[];
  tags: string[];
  folder: string;
  notes: string;
  favorite: boolean;
  updatedAt: string;
}

interface Entry {
  id: string;
  fields: [text: string, weight: number][];
  /** Every field joined, for a cheap "can this entry match at all" test before scoring. */
  all: string;
  favorite: boolean;
  updatedAt: string;
}

const norm = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Host and path words of a URL, without scheme and `www.`. */
const urlText = (u: string): string => norm(u.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, ''));

function toEntry(d: SearchDoc): Entry {
  const fields: [string, number][] = [
    [norm(d.title), 10],
    [norm(d.subtitle), 6],
    [d.urls.map(urlText).join(' '), 5],
    [norm(d.tags.join(' ')), 4],
    [norm(d.folder), 3],
    [norm(d.notes.slice(0, 4096)), 1],
  ];
  return { id: d.id, favorite: d.favorite, updatedAt: d.updatedAt, fields, all: fields.map((f) => f[0]).join('\u0000') };
}

export class VaultSearchIndex {
  readonly #entries = new Map<string, Entry>();

  constructor(docs: SearchDoc[] = []) {
    for (const d of docs) this.upsert(d);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Adds or replaces one document (an edit re-indexes one item, not the vault). */
  upsert(doc: SearchDoc): void {
    this.#entries.set(doc.id, toEntry(doc));
  }

  remove(id: string): void {
    this.#entries.delete(id);
  }

  /** Ids of matching documents, best first. */
  search(query: string, limit = 200): string[] {
    const terms = norm(query).split(/\s+/).filter(Boolean).slice(0, 16);
    if (terms.length === 0) return [];
    const hits: { id: string; score: number; favorite: boolean; updatedAt: string }[] = [];
    for (const e of this.#entries.values()) {
      if (!terms.every((t) => e.all.includes(t))) continue;
      let total = 0;
      for (const term of terms) {
        const s = scoreTerm(e.fields, term);
        if (s === 0) {
          total = 0;
          break;
        }
        total += s;
      }
      if (total > 0) hits.push({ id: e.id, score: total + (e.favorite ? 1 : 0), favorite: e.favorite, updatedAt: e.updatedAt });
    }
    hits.sort((a, b) => b.score - a.score || (a.updatedAt < b.updatedAt ? 1 : -1));
    return hits.slice(0, limit).map((h) => h.id);
  }
}

function scoreTerm(fields: [string, number][], term: string): number {
  let best = 0;
  for (const [text, weight] of fields) {
    const at = text.indexOf(term);
    if (at < 0) continue;
    let s = weight;
    if (at === 0) s *= text.length === term.length ? 4 : 3;
    else if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) s *= 2;
    if (s > best) best = s;
  }
  return best;
}
