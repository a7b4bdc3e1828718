/** Mirrors migration 0016: this device's copy of a stored file as the sync server names it (device-local, never synced). */
export interface SyncBlobTable {
  blob_id: string;
  /** SHA-256 (hex) of this device's encrypted file: its name on the server when this device uploads it. */
  sha256: string;
  /** When the server was seen holding that copy (uploaded, found by HEAD, or downloaded); NULL: not yet. */
  uploaded_at: string | null;
}
