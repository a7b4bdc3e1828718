import { FileArchive, FileSpreadsheet, Save } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { BatchSettingsPatch, BatchSettingsView as Settings, LabelTemplateId } from '../../../../src-shared/domains/batches/batches.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Spinner } from '../../../ui/Spinner';
import { TextField } from '../../../ui/TextField';
import { Toggle } from '../../../ui/Toggle';
import { describeError } from '../../../lib/errors';
import { downloadText, downloadUrl } from '../batches-files';
import { useBatchesStore } from '../batches.store';
import { issuesOf, SelectField } from './fields';

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="px-1 text-xs font-semibold tracking-wide text-muted uppercase">{title}</h2>
      {description ? <p className="-mt-1 px-1 text-xs text-muted">{description}</p> : null}
      <div className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-5">{children}</div>
    </section>
  );
}

type Mode = Settings['qr']['mode'];
const MODES: { mode: Mode; title: string; text: string }[] = [
  { mode: 'text', title: 'Plain text', text: 'Product, lot and dates. Any phone reads it, no website needed.' },
  { mode: 'gs1', title: 'GS1 Digital Link', text: 'A standard link on your domain for products with a GTIN; others fall back to text.' },
  { mode: 'url', title: 'Your own web address', text: 'A link with placeholders such as {lot} and {expiry}.' },
];

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

function QrSection({ settings }: { settings: Settings }) {
  const saveSettings = useBatchesStore((s) => s.saveSettings);
  const [mode, setMode] = useState<Mode>(settings.qr.mode);
  const [domain, setDomain] = useState(settings.qr.mode === 'gs1' ? settings.qr.domain : '');
  const [path, setPath] = useState(settings.qr.mode === 'gs1' ? (settings.qr.path ?? '') : '');
  const [template, setTemplate] = useState(settings.qr.mode === 'url' ? settings.qr.template : 'https://');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  async function save() {
    const qr: BatchSettingsPatch['qr'] = mode === 'gs1' ? { mode, domain, ...(path.trim() ? { path } : {}) } : mode === 'url' ? { mode, template } : { mode };
    try {
      await saveSettings({ qr });
      setErrors({});
      setSaved(true);
    } catch (err) {
      const { byField, form } = issuesOf(err, []);
      const message = Object.values(byField)[0] ?? form ?? 'Check the address.';
      setErrors({ [mode === 'url' ? 'template' : 'domain']: message.replace(/^qr\.\w+: /, '') });
    }
  }

  return (
    <Section title="QR code on labels" description="Every label also prints product, lot and dates as text, so it works without a phone.">
      <div role="radiogroup" aria-label="QR code content" className="grid grid-cols-3 gap-2">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="radio"
            aria-checked={mode === m.mode}
            onClick={() => {
              setMode(m.mode);
              setSaved(false);
            }}
            className={cx(
              'flex flex-col items-start justify-start rounded-lg border p-3 text-left',
              mode === m.mode ? 'border-accent bg-accent-soft' : 'border-line-strong hover:bg-hover',
            )}
          >
            <span className="block text-[13px] font-medium text-text">{m.title}</span>
            <span className="mt-0.5 block text-xs text-muted">{m.text}</span>
          </button>
        ))}
      </div>
      {mode === 'gs1' ? (
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Your domain" value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="shop.example" error={errors.domain} />
          <TextField label="Path before /01/ (optional)" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/b" />
        </div>
      ) : null}
      {mode === 'url' ? (
        <TextField
          label="Address template"
          mono
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
          error={errors.template}
          hint="Placeholders: {lot} {gtin} {gtin14} {product} {production} {arrival} {expiry}"
        />
      ) : null}
      <div className="flex items-center justify-end gap-3">
        {saved ? <span className="text-xs text-success">Saved</span> : null}
        <Button icon={Save} onClick={() => void save()}>
          Save QR settings
        </Button>
      </div>
    </Section>
  );
}

function CalibrationRow({ id, name, settings }: { id: LabelTemplateId; name: string; settings: Settings }) {
  const saveSettings = useBatchesStore((s) => s.saveSettings);
  const current = settings.calibration[id] ?? { x: 0, y: 0 };
  const [x, setX] = useState(String(current.x));
  const [y, setY] = useState(String(current.y));
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const next = { x: Number(x) || 0, y: Number(y) || 0 };
    if (next.x === current.x && next.y === current.y) return;
    void saveSettings({ calibration: { ...settings.calibration, [id]: next } }).then(
      () => setError(null),
      (err: unknown) => setError(describeError(err)),
    );
  };
  const input = (label: string, value: string, set: (v: string) => void) => (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      {label}
      <input
        type="number"
        step={0.1}
        min={-10}
        max={10}
        value={value}
        onChange={(e) => set(e.target.value)}
        onBlur={commit}
        className="field-input h-8 w-20 text-right"
        aria-label={`${name} ${label}`}
      />
      mm
    </label>
  );
  return (
    <div className="flex items-center justify-between gap-4">
      <span className="min-w-0 truncate text-[13px] text-text">{name}</span>
      <div className="flex items-center gap-3">
        {input('across', x, setX)}
        {input('down', y, setY)}
        {error ? <span className="text-xs text-danger">{error}</span> : null}
      </div>
    </div>
  );
}

/** The shop's label and QR settings, printer calibration, and the exports. */
export function BatchSettingsView() {
  const settings = useBatchesStore((s) => s.settings);
  const templates = useBatchesStore((s) => s.templates);
  const saveSettings = useBatchesStore((s) => s.saveSettings);
  const exportCsv = useBatchesStore((s) => s.exportCsv);
  const customerSite = useBatchesStore((s) => s.customerSite);
  const [shopName, setShopName] = useState(settings?.shopName ?? '');
  const [timeZone, setTimeZone] = useState(settings?.timeZone ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!settings) {
    return (
      <div className="flex h-40 items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> Loading…
      </div>
    );
  }
  const save = (patch: BatchSettingsPatch) =>
    void saveSettings(patch).then(
      () => setError(null),
      (err: unknown) => setError(describeError(err)),
    );

  return (
    <div className="mx-auto flex max-w-[720px] flex-col gap-8 px-8 py-6">
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <QrSection settings={settings} />
      <Section title="Shop and labels">
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Shop name"
            value={shopName}
            onChange={(e) => setShopName(e.target.value)}
            onBlur={() => shopName !== settings.shopName && save({ shopName })}
          />
          <TextField
            label="Time zone"
            list="batch-time-zones"
            value={timeZone}
            placeholder={settings.resolvedTimeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            onBlur={() => timeZone !== settings.timeZone && save({ timeZone })}
            hint={settings.timeZone ? 'Days start at midnight here.' : `Following this computer: ${settings.resolvedTimeZone}.`}
          />
          <datalist id="batch-time-zones">
            {zones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <SelectField
          label="Default label stock"
          value={settings.defaultTemplate}
          onChange={(e) => save({ defaultTemplate: e.target.value as LabelTemplateId })}
        >
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <Toggle label="Print the price" checked={settings.labelShowsPrice} onCheckedChange={(v) => save({ labelShowsPrice: v })} />
        <Toggle label="Print allergens" checked={settings.labelShowsAllergens} onCheckedChange={(v) => save({ labelShowsAllergens: v })} />
        <Toggle label="Print the shop name" checked={settings.labelShowsShopName} onCheckedChange={(v) => save({ labelShowsShopName: v })} />
      </Section>
      <Section title="Printer calibration" description="If labels land off-centre, shift them here (positive: right and down). Saved per label stock.">
        {templates.map((t) => (
          <CalibrationRow key={t.id} id={t.id} name={t.name.replace(/ \(.*\)$/, '')} settings={settings} />
        ))}
      </Section>
      <Section title="Export">
        <div className="flex flex-wrap gap-2">
          <Button
            icon={FileSpreadsheet}
            onClick={() =>
              void exportCsv().then(
                (f) => downloadText(f.fileName, f.csv, 'text/csv'),
                (err: unknown) => setError(describeError(err)),
              )
            }
          >
            Export batches (CSV)
          </Button>
          <Button
            icon={FileArchive}
            onClick={() =>
              void customerSite().then(
                (f) => downloadUrl(f.fileName, f.url),
                (err: unknown) => setError(describeError(err)),
              )
            }
          >
            Customer pages (zip)
          </Button>
        </div>
        <p className="text-xs text-muted">
          The customer pages are plain HTML files for your website. They work out freshness in the customer’s browser with the same rules as Hearth and need
          nothing from this computer.
        </p>
      </Section>
    </div>
  );
}
