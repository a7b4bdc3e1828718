import type { AppClient } from '../../src-shared/ipc/channels';
import type { Transport } from '../../src-shared/ipc/define';
import type { BlobHub } from '../blobs/blob-hub';
import type { KdfCost } from '../crypto/kdf';
import type { EventHub } from '../ipc/events';
import type { FilePort } from '../lib/file-port';
import type { SecretClipboard } from '../lib/secret-clipboard';
import type { IdleLock } from '../profile/idle-lock';
import type { JobTracker } from './jobs/job-tracker';
import type { ProfileService } from '../profile/profile.service';

/** The core's capabilities, the same for every module; built once by `createCore`. */
export interface HostServices {
  readonly transport: Transport;
  readonly version: string;
  readonly profiles: ProfileService;
  readonly idle: IdleLock;
  readonly events: EventHub;
  /** Where copied secrets go: the OS clipboard guard in Electron, an in-memory one elsewhere. */
  readonly clipboard: SecretClipboard;
  /** Main-owned open/save dialogs (Electron only). */
  readonly files?: FilePort;
  /** Opens a checked https:/mailto: URL; absent where there is no system browser. */
  readonly openExternal?: (url: string) => Promise<boolean>;
  /** Argon2id cost for new keyrings and encrypted exports. */
  readonly kdfCost: KdfCost;
  /** Bundled resources (word list, 2FA site list). */
  readonly resourcesDir: string;
  /** Heavy work in worker threads that reports progress and can be cancelled (`jobs:progress`); all cancelled on lock. */
  readonly jobs: JobTracker;
  /** The computer's IANA time zone. */
  systemTimeZone(): string;
  /** The encrypted file store of the open profile and its tickets (src-main/blobs/blob-hub.ts), one per core. */
  blobs(): BlobHub;
  /**
   * The typed client over this core's own router, for a module that needs another module's op (the calendar keeps a
   * CalDAV password in the vault). The call is validated like any front door's; a module never reads another's tables.
   */
  app(): AppClient;
}
