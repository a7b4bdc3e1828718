/** The files domain's public face for other domains (their "Attachments" slot names a link owner). */
export { LinkDomain, type LinkOwner } from './files.schemas';
