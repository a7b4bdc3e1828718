import { z } from 'zod';
import { op } from '../../ipc/define';
import { NoInput, nonEmptyText } from '../../lib/schema';
import { Fingerprint } from '../../sync/fingerprint';
import { Email } from '../../sync/protocol';

/**
 * Shared collections in the sync contract (docs/sync.md#collections): a shop shares its batches register with staff.
 * Kept apart from the account ops so the sharing part reads as one block; the sync contract spreads `sharingOps` in.
 */

const MemberRole = z.enum(['owner', 'editor', 'viewer']);

/** One collection as Settings → Sync shows it: its name (opened on this device), this profile's role, the members. */
export const SharedCollection = z.object({
  id: z.string().uuid(),
  /** What it holds: 'batches' (the freshness register). */
  kind: z.string().max(32),
  /** Null when this device cannot open the name (it never held the key version it was sealed under). */
  name: z.string().max(1024).nullable(),
  role: MemberRole,
  keyVersion: z.number().int().min(1),
  members: z.array(z.object({ accountId: z.string().uuid(), email: z.string().max(254), role: MemberRole })).max(1000),
  /** Whether this profile's batches sync into this collection now (instead of only to its own account). */
  active: z.boolean(),
});
export type SharedCollection = z.infer<typeof SharedCollection>;

export const ShareBatchesInput = z.strictObject({ name: nonEmptyText(200) });
/**
 * An owner adds a member (or changes a member's role) by the email of their sync account, naming the key fingerprint
 * they confirmed with that person out of band (`memberKey` shows the server's; the member reads `fingerprint`).
 */
export const InviteInput = z.strictObject({ collectionId: z.string().uuid(), email: Email, role: z.enum(['editor', 'viewer']), fingerprint: Fingerprint });
export const MemberKeyInput = z.strictObject({ email: Email });
/** A key fingerprint as shown: 8 groups of 4 lowercase hex digits. */
const ShownFingerprint = z.string().regex(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
export const RemoveMemberInput = z.strictObject({ collectionId: z.string().uuid(), accountId: z.string().uuid() });

const SharedCollections = z.array(SharedCollection).max(100);

/** The sharing ops of the sync contract. */
export const sharingOps = {
  /** The shared collections this profile's sync account belongs to (asks the server). */
  collections: op({ input: NoInput, output: SharedCollections, summary: 'Shared collections of this sync account' }),
  /** Shares this profile's batches register: creates the collection (this account the owner) and moves the register into it. */
  shareBatches: op({ input: ShareBatchesInput, output: SharedCollection, summary: 'Share the batches register with staff' }),
  /** This account's own key fingerprint (from the private key on this device): members read it to the owner. */
  fingerprint: op({ input: NoInput, output: z.object({ fingerprint: ShownFingerprint }), summary: 'This sync account’s key fingerprint' }),
  /** The fingerprint of the key the server gives for an email: the owner compares it with the member's before inviting. */
  memberKey: op({
    input: MemberKeyInput,
    output: z.object({ email: z.string().max(254), fingerprint: ShownFingerprint }),
    summary: 'Key fingerprint the server gives for a sync account',
  }),
  /** Invites a member by email as editor (reads and writes) or viewer (reads), or changes a member's role. */
  invite: op({ input: InviteInput, output: SharedCollection, summary: 'Invite a member to a shared collection, or change their role' }),
  /** Removes a member and rotates the collection key, so they cannot read anything written afterwards. */
  removeMember: op({ input: RemoveMemberInput, output: SharedCollection, summary: 'Remove a member from a shared collection (rotates its key)' }),
};
