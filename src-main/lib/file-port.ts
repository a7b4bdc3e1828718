/**
 * How files come in and go out. In Electron, main owns the dialogs and keeps the chosen path: the
 * renderer never supplies a filesystem path. Browser mode and the CLI have no FilePort: the renderer
 * uploads and downloads instead, and the CLI reads and writes the paths it was given.
 */
export interface FilePort {
  /** Shows an open dialog; null when the user cancels. */
  pickOpen(opts: { title: string; extensions: string[]; maxBytes: number }): Promise<{ fileName: string; bytes: Buffer } | null>;
  /** Shows a save dialog and writes atomically; returns the file's base name, or null when cancelled. */
  save(opts: { title: string; defaultName: string; bytes: Buffer }): Promise<string | null>;
  /** Shows a folder dialog (create allowed); the chosen absolute path, or null when cancelled. */
  pickFolder?(opts: { title: string }): Promise<string | null>;
}
