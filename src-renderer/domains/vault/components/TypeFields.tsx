import { WandSparkles } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { SecretField } from '../../../../src-shared/domains/vault/vault.schemas';
import { SCORE_LABELS } from '../../../lib/password-strength';
import { StrengthMeter } from '../../../ui/StrengthMeter';
import { TextField } from '../../../ui/TextField';
import { Tooltip } from '../../../ui/Tooltip';
import { typedSecret, type DraftErrors, type IdentityPublicKey, type ItemDraft, type SecretDraft } from '../item-form';
import { useVaultStore } from '../vault.store';
import { GeneratorPopover } from './GeneratorPopover';
import { UrlsEditor } from './ListEditors';
import { SecretInput } from './SecretInput';
import { TotpInput, type PendingImage } from './TotpInput';

export interface TypeFieldsProps {
  draft: ItemDraft;
  onChange(draft: ItemDraft): void;
  errors: DraftErrors;
  /** Reveals a stored secret into the editor (edit mode only). */
  reveal?: (field: SecretField) => Promise<string>;
}

type Score = 0 | 1 | 2 | 3 | 4;

/** The strength of the password being typed, scored in main (debounced). */
function useStrength(password: string): Score | null {
  const strength = useVaultStore((s) => s.strength);
  const [result, setResult] = useState<{ password: string; score: Score } | null>(null);
  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      strength(password).then(
        (r) => !cancelled && setResult({ password, score: Math.min(4, Math.max(0, r.score)) as Score }),
        () => undefined,
      );
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, strength]);
  return password && result?.password === password ? result.score : null;
}

function PasswordInput({ draft, onChange, reveal }: { draft: SecretDraft; onChange(d: SecretDraft): void; reveal?: () => Promise<string> }) {
  const [generating, setGenerating] = useState(false);
  const score = useStrength(draft.value);
  return (
    <div className="relative">
      <SecretInput
        label="Password"
        draft={draft}
        onChange={onChange}
        onReveal={reveal}
        testId="password-input"
        addon={
          <Tooltip label="Generate a password">
            <button
              type="button"
              aria-label="Generate a password"
              aria-expanded={generating}
              onClick={() => setGenerating((g) => !g)}
              className="flex size-7 items-center justify-center rounded-md text-faint hover:bg-hover hover:text-accent"
            >
              <WandSparkles className="size-4" aria-hidden />
            </button>
          </Tooltip>
        }
        below={draft.value ? <StrengthMeter score={score} label={score === null ? '' : SCORE_LABELS[score]} /> : null}
      />
      {generating ? (
        <GeneratorPopover
          onClose={() => setGenerating(false)}
          onUse={(value) => {
            onChange(typedSecret(draft, value));
            setGenerating(false);
          }}
        />
      ) : null}
    </div>
  );
}

export function LoginFields({
  draft,
  onChange,
  errors,
  reveal,
  onImage,
  pendingImage,
  onClearImage,
}: TypeFieldsProps & { onImage(image: PendingImage): Promise<void>; pendingImage: PendingImage | null; onClearImage(): void }) {
  const login = draft.login;
  const setLogin = (patch: Partial<ItemDraft['login']>) => onChange({ ...draft, login: { ...login, ...patch } });
  return (
    <>
      <TextField
        label="Username"
        value={login.username}
        onChange={(e) => setLogin({ username: e.target.value })}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        maxLength={1024}
        data-testid="username-input"
      />
      <PasswordInput draft={login.password} onChange={(password) => setLogin({ password })} reveal={reveal ? () => reveal('password') : undefined} />
      <UrlsEditor urls={login.urls} onChange={(urls) => setLogin({ urls })} />
      <TotpInput
        draft={login.totp}
        onChange={(totp) => setLogin({ totp })}
        error={errors.totp}
        onImage={onImage}
        pendingImage={pendingImage}
        onClearImage={onClearImage}
      />
    </>
  );
}

export function CardFields({ draft, onChange, errors, reveal }: TypeFieldsProps) {
  const card = draft.card;
  const setCard = (patch: Partial<ItemDraft['card']>) => onChange({ ...draft, card: { ...card, ...patch } });
  return (
    <>
      <TextField label="Cardholder" value={card.holder} onChange={(e) => setCard({ holder: e.target.value })} autoComplete="off" maxLength={1024} />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Brand"
          value={card.brand}
          onChange={(e) => setCard({ brand: e.target.value })}
          placeholder="Visa"
          autoComplete="off"
          list="vault-card-brands"
          maxLength={1024}
        />
        <datalist id="vault-card-brands">
          {['Visa', 'Mastercard', 'American Express', 'Discover', 'Diners Club', 'JCB', 'Maestro', 'UnionPay'].map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label="Month"
            value={card.expMonth}
            onChange={(e) => setCard({ expMonth: e.target.value })}
            placeholder="MM"
            inputMode="numeric"
            maxLength={2}
            error={errors.expMonth}
          />
          <TextField
            label="Year"
            value={card.expYear}
            onChange={(e) => setCard({ expYear: e.target.value })}
            placeholder="YYYY"
            inputMode="numeric"
            maxLength={4}
            error={errors.expYear}
          />
        </div>
      </div>
      <SecretInput
        label="Number"
        draft={card.number}
        onChange={(number) => setCard({ number })}
        onReveal={reveal ? () => reveal('cardNumber') : undefined}
        maxLength={64}
      />
      <div className="w-1/2 pr-1.5">
        <SecretInput
          label="Security code"
          draft={card.code}
          onChange={(code) => setCard({ code })}
          onReveal={reveal ? () => reveal('cardCode') : undefined}
          maxLength={16}
        />
      </div>
    </>
  );
}

const NAME_FIELDS: [IdentityPublicKey, string][] = [
  ['title', 'Title'],
  ['firstName', 'First name'],
  ['middleName', 'Middle name'],
  ['lastName', 'Last name'],
];
const CONTACT_FIELDS: [IdentityPublicKey, string][] = [
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['username', 'Username'],
];
const ADDRESS_FIELDS: [IdentityPublicKey, string][] = [
  ['address1', 'Address'],
  ['address2', 'Address line 2'],
  ['city', 'City'],
  ['state', 'State / region'],
  ['postalCode', 'Postal code'],
  ['country', 'Country'],
];

export function IdentityFields({ draft, onChange, reveal }: TypeFieldsProps) {
  const identity = draft.identity;
  const set = (key: IdentityPublicKey, value: string) => onChange({ ...draft, identity: { ...identity, [key]: value } });
  const setSecret = (key: 'ssn' | 'passportNumber' | 'licenseNumber', value: SecretDraft) => onChange({ ...draft, identity: { ...identity, [key]: value } });
  const grid = (fields: [IdentityPublicKey, string][]) => (
    <div className="grid grid-cols-2 gap-3">
      {fields.map(([key, label]) => (
        <TextField key={key} label={label} value={identity[key]} onChange={(e) => set(key, e.target.value)} autoComplete="off" maxLength={1024} />
      ))}
    </div>
  );
  return (
    <>
      {grid(NAME_FIELDS)}
      {grid(CONTACT_FIELDS)}
      {grid(ADDRESS_FIELDS)}
      <div className="grid grid-cols-2 gap-3">
        <SecretInput label="National ID" draft={identity.ssn} onChange={(d) => setSecret('ssn', d)} onReveal={reveal ? () => reveal('ssn') : undefined} />
        <SecretInput
          label="Passport"
          draft={identity.passportNumber}
          onChange={(d) => setSecret('passportNumber', d)}
          onReveal={reveal ? () => reveal('passportNumber') : undefined}
        />
        <SecretInput
          label="Licence"
          draft={identity.licenseNumber}
          onChange={(d) => setSecret('licenseNumber', d)}
          onReveal={reveal ? () => reveal('licenseNumber') : undefined}
        />
      </div>
    </>
  );
}

export function NoteFields({ draft, onChange, reveal }: TypeFieldsProps) {
  return (
    <SecretInput
      label="Note"
      draft={draft.secureNote}
      onChange={(secureNote) => onChange({ ...draft, secureNote })}
      onReveal={reveal ? () => reveal('secureNote') : undefined}
      multiline
      mono={false}
      maxLength={1024 * 1024}
      placeholder="Write anything: it is sealed like a password."
      testId="secure-note-input"
    />
  );
}
