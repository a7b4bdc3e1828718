/**
 * Batches file limits. Browser mode downloads what main renders (label PDFs, CSV, customer pages);
 * under Electron the label PDF will go to the OS print dialog instead. Helpers live in lib/files.ts; the
 * numbers come from src-shared/lib/limits.ts, which main enforces.
 */
import { MAX_BATCH_CSV_CHARS, MAX_IMAGE_BYTES } from '../../../src-shared/lib/limits';

export { downloadText, downloadUrl, fileToBase64 } from '../../lib/files';

/** Largest image accepted for scan to find (main checks again). */
export const MAX_SCAN_IMAGE_BYTES = MAX_IMAGE_BYTES;
/** Largest CSV accepted (main checks again, in characters). */
export const MAX_CSV_BYTES = MAX_BATCH_CSV_CHARS;
