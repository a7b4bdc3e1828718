/** The blobs domain's public face for other domains (label PDFs carry a blob id and a ticket URL). */
export { BlobId, BlobTicketString, blobUrl } from './blobs.schemas';
