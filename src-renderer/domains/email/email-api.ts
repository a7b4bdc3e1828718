import type { z } from 'zod';
import type { emailContract } from '../../../src-shared/domains/email/email.contract';
import type { SearchHit as SearchHitSchema } from '../../../src-shared/domains/email/email.schemas';
import { api, uploadToStore } from '../../api/client';

/**
 * The email page's one way to main: the typed `api.email` client and the shapes its ops take and give. The store
 * (email.store.ts) and the dialogs call these; components render what they answer.
 */

type Ops = (typeof emailContract)['ops'];
export type Output<K extends keyof Ops> = z.output<Ops[K]['output']>;
export type Input<K extends keyof Ops> = z.input<Ops[K]['input']>;
export type SearchHit = z.output<typeof SearchHitSchema>;
export type LabelCount = Output<'labels'>[number];

export const emailApi = api.email;

/** Streams a picked file into the encrypted store (an upload ticket sized to it); resolves with its blob id. */
export async function uploadMailFile(file: Blob): Promise<string> {
  return (await uploadToStore(file)).id;
}
