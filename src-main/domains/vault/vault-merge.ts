import type { z } from 'zod';
import type { CustomFieldView, UpdateItemInput } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';

/**
 * Fills secrets the edit left out (meaning "keep") from what is stored. A hidden field turned into a
 * text or boolean one must come with its value: keeping the sealed value would publish it (INVALID_INPUT).
 */
export function mergeKeptSecrets(edit: z.output<typeof UpdateItemInput>['item'], old: Record<string, string>, oldFields: readonly CustomFieldView[]) {
  const keep = (value: string | undefined, field: string) => value ?? old[field] ?? '';
  const fieldIds: string[] = [];
  const fields = edit.fields.map((f) => {
    const prev = f.id ? oldFields.find((o) => o.id === f.id) : undefined;
    fieldIds.push(prev?.id ?? newId());
    if (f.value !== undefined || !prev) return { name: f.name, type: f.type, value: f.value ?? '' };
    if (prev.type === 'hidden' && f.type !== 'hidden') {
      throw new AppError('INVALID_INPUT', `Enter the value of "${f.name}" again to make it visible.`, {
        issues: [{ path: 'item.fields', message: 'A hidden field needs its value re-entered to become visible.' }],
      });
    }
    return { name: f.name, type: f.type, value: prev.type === 'hidden' ? (old[`field:${prev.id}`] ?? '') : (prev.value ?? '') };
  });
  const item = {
    ...edit,
    secureNote: keep(edit.secureNote, 'secureNote'),
    login: edit.login ? { ...edit.login, password: keep(edit.login.password, 'password'), totp: keep(edit.login.totp, 'totpSecret') } : undefined,
    card: edit.card ? { ...edit.card, number: keep(edit.card.number, 'cardNumber'), code: keep(edit.card.code, 'cardCode') } : undefined,
    identity: edit.identity
      ? {
          ...edit.identity,
          ssn: keep(edit.identity.ssn, 'ssn'),
          passportNumber: keep(edit.identity.passportNumber, 'passportNumber'),
          licenseNumber: keep(edit.identity.licenseNumber, 'licenseNumber'),
        }
      : undefined,
    fields,
  };
  return { item, fieldIds };
}
