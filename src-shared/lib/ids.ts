/** Pure helpers for ULIDs (sortable IDs) usable on both sides. Generation lives in main (`src-main/lib/ids.ts`). */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const isUlid = (value: string): boolean => ULID_PATTERN.test(value);
