import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';

/** Every file format the vault importer understands. `hearth` is Hearth's own encrypted export (handled elsewhere). */
export type ImportFormat =
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'kdbx'
  | 'keepass-xml'
  | 'keepassxc-csv'
  | '1password-1pux'
  | '1password-csv'
  | 'chrome-csv'
  | 'firefox-csv'
  | 'safari-csv'
  | 'hearth';

/** One source record that was not imported, and why (never quoting a secret). */
export interface SkippedRow {
  /** CSV: spreadsheet row number (header = 1). JSON/1PUX: 1-based item position. KeePass: group path/title. */
  row: number | string;
  reason: string;
}

/** The dry-run preview of an import: nothing has been written anywhere yet. */
export interface ImportParseResult {
  format: ImportFormat;
  items: ImportedItem[];
  skipped: SkippedRow[];
  /** Every folder path the file declares or uses, parents included, sorted. Separator `/`. */
  folders: string[];
  /** Things the user should know that are not about one row (attachments or passkeys left behind…). */
  warnings: string[];
  /** Attachments left behind, by entry (Hearth has no file store yet), so none is dropped silently. */
  attachments: AttachmentsLeft[];
}

/** One source entry's attachments that are not imported. */
export interface AttachmentsLeft {
  /** Where the entry is: its folder path and title (`Email/Work mail`). */
  item: string;
  files: string[];
}

/** Options for {@link parseImport}. */
export interface ParseImportOptions {
  format?: ImportFormat | 'auto';
  /** Password of a KDBX file or a password-protected Bitwarden export. */
  password?: string;
  /** KDBX only: the bytes of the database's key file, when it has one. */
  keyFile?: Uint8Array;
  /** Only used as a hint when the content alone is ambiguous. */
  fileName?: string;
  /**
   * CSV only: strip the `'` that spreadsheet-safe exports put before a value starting with `=`, `+`,
   * `-`, `@`, TAB, CR or NUL (default true). Pass false when importing a file known to be a raw export
   * whose values may genuinely start with `'=` and friends.
   */
  csvUnescapeFormulas?: boolean;
}
