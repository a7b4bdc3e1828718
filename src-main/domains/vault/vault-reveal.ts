import type { z } from 'zod';
import { buildOtpauthUri, parseOtpInput } from '../../../src-shared/domains/vault/otpauth';
import type { RevealInput } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { nowIso } from '../../lib/ids';
import type { VaultCore } from './vault-core';
import { openField, parseSealedMap } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';
import type { VaultItemRow } from './vault.table';
import { totpCode } from './totp';

/** Opening one secret at a time: reveal, copy, TOTP codes and seeds, history. Each use stamps `last_used_at`. */
export function createVaultReveal(core: VaultCore) {
  const { deps } = core;
  const touchUsed = (id: string) => deps.write((trx) => repo.update(trx, id, { last_used_at: nowIso(deps.now) }));

  /** One opened secret; the TOTP seed only when `forCode` (copy turns it into the current code). */
  async function secretOf(input: z.output<typeof RevealInput>, forCode = false): Promise<{ value: string; row: VaultItemRow }> {
    if (input.field === 'totpSecret' && !forCode) throw new AppError('FORBIDDEN', 'The TOTP key is shown only after your master password (revealTotpSeed).');
    const r = await core.row(input.id);
    await core.checkReprompt(r, input.password);
    if (input.field.startsWith('history:')) {
      const entry = (await repo.passwordHistory(deps.db(), r.id)).find((h) => `history:${h.id}` === input.field);
      if (!entry) throw notFound('password history entry', input.field);
      return { value: openField(deps.itemsKey(), r.id, input.field, entry.sealed), row: r };
    }
    const sealed = parseSealedMap(r.secrets)[input.field];
    if (sealed === undefined) throw new AppError('NOT_FOUND', 'This item has no such secret.');
    return { value: openField(deps.itemsKey(), r.id, input.field, sealed), row: r };
  }

  async function totpConfig(id: string) {
    const r = await core.row(id);
    const sealed = parseSealedMap(r.secrets).totpSecret;
    if (!sealed) throw new AppError('NOT_FOUND', 'This item has no TOTP.');
    return { row: r, config: parseOtpInput(openField(deps.itemsKey(), r.id, 'totpSecret', sealed)) };
  }

  return {
    async reveal(input: z.output<typeof RevealInput>) {
      const { value, row: r } = await secretOf(input);
      await touchUsed(r.id);
      return { value };
    },

    async copy(input: z.output<typeof RevealInput>) {
      const { value, row: r } = await secretOf(input, true);
      const seconds = (await deps.settings()).clipboardClearSeconds;
      await deps.clipboard.copySecret(input.field === 'totpSecret' ? totpCode(parseOtpInput(value), deps.now()).code : value, seconds);
      await touchUsed(r.id);
      return { clearAfterSeconds: seconds };
    },

    async totp({ id }: { id: string }) {
      const { config } = await totpConfig(id);
      const code = totpCode(config, deps.now());
      return { code: code.code, secondsRemaining: code.secondsRemaining, period: code.period, digits: config.digits };
    },

    /** The TOTP seed for moving it to another device: the master password every time, re-prompt or not. */
    async revealTotpSeed({ id, password }: { id: string; password?: string }) {
      await core.row(id);
      await core.master.check(password, 'Showing the TOTP key needs your master password.');
      const { row: r, config } = await totpConfig(id);
      await touchUsed(r.id);
      return { uri: buildOtpauthUri(config), secret: config.secret };
    },

    async passwordHistory({ id }: { id: string }) {
      await core.row(id);
      return (await repo.passwordHistory(deps.db(), id)).map((h) => ({ id: h.id, changedAt: h.changed_at }));
    },

    async versions({ id }: { id: string }) {
      await core.row(id);
      return (await repo.versions(deps.db(), id)).map((v) => ({ id: v.id, savedAt: v.created_at, title: v.title }));
    },
  };
}
