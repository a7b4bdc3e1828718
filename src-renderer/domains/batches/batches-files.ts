/**
 * Batches file limits. Browser mode downloads what main renders (label PDFs, CSV, customer pages);
 * under Electron the label PDF will go to the OS print dialog instead. Helpers live in lib/files.ts.
 */
export { downloadBase64, downloadText, fileToBase64 } from '../../lib/files';

/** Largest image accepted for scan to find (main checks again). */
export const MAX_SCAN_IMAGE_BYTES = 20 * 1024 * 1024;
/** Largest CSV accepted (main checks again). */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
