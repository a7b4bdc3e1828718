import type { Insertable, Selectable, Updateable } from 'kysely';

/** Mirrors migration 0002. JSON columns are TEXT; booleans are 0/1. */
export interface VaultItemTable {
  id: string;
  type: 'login' | 'note' | 'card' | 'identity';
  title: string;
  subtitle: string;
  folder: string;
  tags: string;
  favorite: number;
  reprompt: number;
  notes: string;
  public_data: string;
  secrets: string;
  has_totp: number;
  password_changed_at: string | null;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  purged_at: string | null;
}

export interface VaultPasswordHistoryTable {
  id: string;
  item_id: string;
  sealed: string;
  changed_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface VaultItemVersionTable {
  id: string;
  item_id: string;
  title: string;
  sealed: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Mirrors migration 0005: zxcvbn's verdict per password, keyed by a keyed HMAC of it (health report cache). */
export interface VaultStrengthCacheTable {
  id: string;
  score: number;
  guesses_log10: number;
  created_at: string;
  updated_at: string;
}

export type VaultItemRow = Selectable<VaultItemTable>;
export type NewVaultItemRow = Insertable<VaultItemTable>;
export type VaultItemRowUpdate = Updateable<VaultItemTable>;
export type VaultPasswordHistoryRow = Selectable<VaultPasswordHistoryTable>;
export type VaultItemVersionRow = Selectable<VaultItemVersionTable>;
