import { sql } from 'kysely';
import type { z } from 'zod';
import type { MessageSummary, SignupsInput } from '../../../src-shared/domains/email/email.schemas';
import type { EmailCore } from './email-core';
import { toSummary } from './email-rows';
import type { EmailMessageTable } from './email.table';

/**
 * "Accounts you have": mails from a vault item's domains that look like a sign-up, confirmation, welcome,
 * verification or password mail, told by the subject (English, French, German, Spanish, Italian, Portuguese,
 * Dutch, Swedish, Polish, Russian, Japanese, Chinese, Korean).
 */

export const SIGNUPS_MAX = 20;
/** The newest mails per query whose subjects are looked at. */
const SCAN = 2000;

const SIGNUP_SUBJECT = new RegExp(
  [
    'welcome|confirm|verif|activat|sign[- ]?up|regist|new user|your (new )?account|account (created|activation)|password|get started|thanks for (joining|signing)',
    'bienvenue|confirmez|inscription|activez|mot de passe|votre compte',
    'willkommen|bestätig|anmeldung|konto|passwort',
    'bienvenid|confirma|cuenta|contraseña',
    'benvenut|conferma|registrazione',
    'bem-vind|confirme|cadastro|senha',
    'welkom|bevestig|registratie|wachtwoord',
    'välkommen|bekräfta|lösenord',
    'witamy|potwierdź|rejestracj|hasło',
    'добро пожаловать|подтверд|регистрац|пароль|аккаунт',
    'ようこそ|登録|確認|パスワード|アカウント',
    '欢迎|歡迎|注册|註冊|验证|驗證|确认|密码|密碼|账户|帳號',
    '환영|가입|인증|비밀번호',
  ].join('|'),
  'iu',
);

/** 'https://www.Example.com/login' → 'example.com'; '' when nothing like a domain is left. */
export function normaliseDomain(input: string): string {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/:?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : '';
}

const likeText = (v: string): string => v.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createSignups(core: EmailCore) {
  async function signups(input: z.output<typeof SignupsInput>): Promise<MessageSummary[]> {
    const domains = [...new Set(input.domains.map(normaliseDomain).filter((d) => d !== ''))];
    if (domains.length === 0) return [];
    const fromDomain = sql.join(
      domains.flatMap((d) => [sql`lower(from_addr) LIKE ${`%@${likeText(d)}`} ESCAPE '\\'`, sql`lower(from_addr) LIKE ${`%.${likeText(d)}`} ESCAPE '\\'`]),
      sql` OR `,
    );
    const { rows } = await sql<EmailMessageTable>`SELECT * FROM email_messages WHERE deleted_at IS NULL AND (${fromDomain})
      ORDER BY date_ms DESC, id DESC LIMIT ${SCAN}`.execute(core.ctx.db());
    return rows
      .filter((r) => SIGNUP_SUBJECT.test(r.subject))
      .slice(0, SIGNUPS_MAX)
      .map(toSummary);
  }
  return { signups };
}
