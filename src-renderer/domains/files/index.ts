/** The Files domain's public face for other renderer domains: the "Attachments" slot of a record, and the size and date formats. */
export { AttachmentsSlot, type AttachmentsSlotProps } from './AttachmentsSlot';
export { formatDateTime, formatSize } from './files-format';
