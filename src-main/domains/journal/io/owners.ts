import { linkSegment } from './export-names';
import type { ParsedAttachment } from './model';

/**
 * Every attachment belongs to exactly one entry, so the journal service can store it with that entry. When a
 * second entry links the same file (two Markdown notes embedding one picture, two Joplin notes sharing a
 * resource), it gets its own attachment `<key>#<entry, percent-encoded>` over the same bytes (no copy in memory).
 */
export class AttachmentOwners {
  private readonly owner = new Map<string, string>();
  readonly list: ParsedAttachment[] = [];

  /** The sourceId `entryId` should link for the file `key`; `make` describes the file the first time. */
  claim(entryId: string, key: string, make: () => Omit<ParsedAttachment, 'sourceId'>): string {
    const first = this.owner.get(key);
    if (first === undefined) {
      this.owner.set(key, entryId);
      this.list.push({ sourceId: key, ...make() });
      return key;
    }
    if (first === entryId) return key;
    const own = `${key}#${linkSegment(entryId)}`;
    if (!this.list.some((a) => a.sourceId === own)) {
      const base = this.list.find((a) => a.sourceId === key);
      if (base) this.list.push({ ...base, sourceId: own });
    }
    return own;
  }
}
