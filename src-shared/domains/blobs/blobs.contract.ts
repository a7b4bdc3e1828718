import { defineContract, op } from '../../ipc/define';
import { BlobTicket, TicketInput, UploadTicket, UploadTicketInput } from './blobs.schemas';

/**
 * The encrypted file store's front-door operations. File bytes never travel through an operation (no
 * base64 over IPC): an op mints a short-lived ticket, and the bytes stream over `GET|POST /api/blob/<ticket>`
 * (browser mode) or `app://bundle/api/blob/<ticket>` (desktop). See docs/security.md#blob-tickets.
 */
export const blobsContract = defineContract('blobs', {
  /** A ticket to read one stored file for a few minutes. */
  ticket: op({ input: TicketInput, output: BlobTicket, summary: 'Get a short-lived URL to read one stored file' }),
  /** A single-use ticket to upload one file, capped at `maxBytes`. */
  uploadTicket: op({ input: UploadTicketInput, output: UploadTicket, summary: 'Get a single-use URL to upload one file' }),
});
