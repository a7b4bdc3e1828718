import { ItemInput, type ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { assertItemCount } from './limits';
import { firstLine, hostOf, normalizeFolder, normalizeTags, toIsoTimestamp } from './normalize';
import { importedTotp } from './otp';
import type { AttachmentsLeft, ImportFormat, ImportParseResult, SkippedRow } from './types';

/** What a format parser knows about one record besides the item itself. */
export interface DraftExtras {
  /** Newest first. Entries with an empty password or an unparseable date are dropped. */
  passwordHistory?: { password: string; changedAt: unknown }[];
  createdAt?: string;
  updatedAt?: string;
  /**
   * For formats without item types (KeePass, browsers, 1Password CSV): a "login" with no username,
   * password, URL or TOTP becomes a note, as Bitwarden's `convertToNoteIfNeeded` does.
   */
  inferType?: boolean;
}

/**
 * Collects the output of one import: turns format-specific drafts into schema-valid `ImportedItem`s
 * (through the shared `ItemInput` schema, so an importer can never produce an item the vault would
 * reject), and records skips, folders and warnings.
 */
export class ImportCollector {
  readonly items: ImportedItem[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly attachments: AttachmentsLeft[] = [];
  private readonly warnings = new Set<string>();
  private readonly folders = new Set<string>();

  /** @param format the format reported in the result */
  constructor(private readonly format: ImportFormat) {}

  /** Registers a folder path (and its parents); returns the normalised path. */
  addFolder(path: string): string {
    const normalized = normalizeFolder(path);
    const parts = normalized.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (p !== '') this.folders.add(p);
    }
    return normalized;
  }

  /** Adds a file-level warning (deduplicated). Never put a secret in it. */
  warn(message: string): void {
    this.warnings.add(message);
  }

  /** Records attachments of one entry that are not imported (listed in the preview, with a summary warning). */
  leaveAttachments(item: string, files: readonly string[]): void {
    if (files.length === 0) return;
    this.attachments.push({ item, files: [...files] });
    this.warn('Hearth does not import attachments yet: the entries listed keep theirs only in the original file.');
  }

  /** Records a skipped source record. */
  skip(row: number | string, reason: string): void {
    this.skipped.push({ row, reason });
  }

  /** Validates and adds one item; a draft that cannot become a valid item is skipped with the reason. */
  add(row: number | string, draft: ItemInput, extras: DraftExtras = {}): void {
    assertItemCount(this.items.length + 1);
    const shaped = shapeDraft(draft, extras.inferType === true);
    const title = pickTitle(shaped);
    if (title === '') {
      this.skip(row, 'no title, URL, username or notes');
      return;
    }
    const parsed = ItemInput.safeParse({ ...shaped, title });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'item';
      this.skip(row, issue?.code === 'too_big' ? `${where} is too long` : `${where} is not valid`);
      return;
    }
    const item = parsed.data;
    if (item.folder !== '') item.folder = this.addFolder(item.folder);
    const imported: ImportedItem = { item, passwordHistory: cleanHistory(extras.passwordHistory ?? []) };
    const createdAt = toIsoTimestamp(extras.createdAt);
    const updatedAt = toIsoTimestamp(extras.updatedAt);
    if (createdAt) imported.createdAt = createdAt;
    if (updatedAt) imported.updatedAt = updatedAt;
    this.items.push(imported);
  }

  /** The finished result. */
  result(): ImportParseResult {
    return {
      format: this.format,
      items: this.items,
      skipped: this.skipped,
      folders: [...this.folders].sort(),
      warnings: [...this.warnings],
      attachments: this.attachments,
    };
  }
}

/** Deduplicates URLs, normalises tags and folder, infers note type, moves a note's body to `secureNote`. */
function shapeDraft(draft: ItemInput, inferType: boolean): ItemInput {
  const d: ItemInput = { ...draft, title: draft.title.trim(), tags: normalizeTags(draft.tags ?? []) };
  d.folder = normalizeFolder(d.folder ?? '');
  d.fields = (d.fields ?? []).filter((f) => f.name !== '' || f.value !== '');
  if (d.login) {
    const seen = new Set<string>();
    const urls = (d.login.urls ?? []).map((u) => ({ ...u, url: u.url.trim() })).filter((u) => u.url !== '' && !seen.has(u.url) && seen.add(u.url));
    d.login = { ...d.login, urls };
    if (d.login.totp) d.login.totp = importedTotp(d.login.totp, d.title, d.login.username ?? '');
  }
  const login = d.login;
  const emptyLogin = !login || (!login.username && !login.password && (login.urls ?? []).length === 0 && !login.totp);
  if (d.type === 'login' && inferType && emptyLogin) d.type = 'note';
  if (d.type === 'note') {
    if (emptyLogin) delete d.login;
    if (!d.secureNote && d.notes) {
      d.secureNote = d.notes;
      d.notes = '';
    }
  }
  if (d.type === 'login' && !d.login) d.login = {};
  return d;
}

/** Title, else the first URL's host, else the username, else the first line of the notes. */
function pickTitle(d: ItemInput): string {
  if (d.title !== '') return d.title;
  const url = d.login?.urls?.[0]?.url ?? '';
  return hostOf(url) || (d.login?.username ?? '').trim() || firstLine(d.secureNote ?? '') || firstLine(d.notes ?? '');
}

function cleanHistory(history: { password: string; changedAt: unknown }[]): ImportedItem['passwordHistory'] {
  const out: ImportedItem['passwordHistory'] = [];
  for (const h of history) {
    const changedAt = toIsoTimestamp(h.changedAt);
    if (h.password !== '' && h.password.length <= 1024 && changedAt) out.push({ password: h.password, changedAt });
  }
  return out.slice(0, 100);
}
