/** The Files domain's public face for other renderer domains: the "Attachments" slot of a record. */
export { AttachmentsSlot, type AttachmentsSlotProps } from './AttachmentsSlot';
