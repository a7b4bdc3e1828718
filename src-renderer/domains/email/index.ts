/** The email domain's public face for other renderer domains: a vault item's "accounts you have" (sign-up mails by domain). */
export { AccountsYouHave } from './AccountsYouHave';
