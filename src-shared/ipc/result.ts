/**
 * The one error and result shape that crosses every transport (Electron IPC, browser mode, CLI).
 * Main throws `AppError`; only the router turns exceptions into `Result`s.
 */

export const APP_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_OPERATION',
  'LOCKED',
  'WRONG_PASSWORD',
  'REPROMPT_REQUIRED',
  /** Unlocked with the recovery key: set a new master password before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  'CORRUPT',
  'SCHEMA_TOO_NEW',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'DISK_FULL',
  'BUSY',
  'READ_ONLY',
  'FORBIDDEN',
  'UNSUPPORTED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorIssue {
  path: string;
  message: string;
}

/** Serialisable error: no stack, no SQL, no absolute paths, never a secret. */
export interface AppErrorData {
  code: AppErrorCode;
  message: string;
  issues?: AppErrorIssue[];
  /** A file the error is about, relative to the profile root (e.g. "keyring.json"). */
  file?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues?: AppErrorIssue[];
  readonly file?: string;

  constructor(code: AppErrorCode, message: string, extra: { issues?: AppErrorIssue[]; file?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.issues) this.issues = extra.issues;
    if (extra.file) this.file = extra.file;
  }

  toJSON(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.issues) data.issues = this.issues;
    if (this.file) data.file = this.file;
    return data;
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, { issues: data.issues, file: data.file });
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const isAppErrorCode = (value: unknown): value is AppErrorCode => typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value);

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `No ${what} with id ${id}.`);
