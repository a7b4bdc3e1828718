import { z } from 'zod';
import { AppError } from '../../ipc/result';
import { type DateType, effectiveExpiryDate } from './batch-status';
import { buildDigitalLink, DigitalLinkDomain, DigitalLinkPath, domainError } from './gs1-digital-link';
import { validateGtin } from './gtin';
import { assertIsoDate } from '../../lib/local-date';

/**
 * What a batch label's QR code holds, chosen per shop (docs/formats.md#label-qr-payloads):
 * - 'gs1': a GS1 Digital Link on the shop's domain. Needs a product GTIN; a product without one falls
 *   back to the 'text' payload, so a label can always be printed (a GTIN that is present but invalid
 *   is an error instead: that is bad data, not a missing choice);
 * - 'url': the shop's own https template with placeholders, each value percent-encoded;
 * - 'text': plain lines readable by any phone camera with no network at all.
 * Payloads stay short for small labels (byte mode, ECC M holds 62 bytes at version 4, 84 at 5, 106 at 6):
 * a Digital Link on a short domain is about 60–70 bytes; the five text lines about 90, since every
 * date is spelled out for reading offline. Pure.
 */

/** Placeholders a URL template may use. */
export const URL_TEMPLATE_PLACEHOLDERS = ['gtin', 'gtin14', 'lot', 'production', 'arrival', 'expiry', 'product'] as const;
/** One URL template placeholder name. */
export type UrlTemplatePlaceholder = (typeof URL_TEMPLATE_PLACEHOLDERS)[number];
/** Longest product name put in a text payload; longer names end in "…". */
export const QR_TEXT_NAME_MAX = 32;
const MAX_TEMPLATE_CHARS = 300;
const PLACEHOLDER = new RegExp(`\\{(${URL_TEMPLATE_PLACEHOLDERS.join('|')})\\}`, 'g');

/** Why `template` is not a usable https URL template, or null. */
export function urlTemplateError(template: string): string | null {
  const value = template.trim();
  // SECURITY: labels only ever point at https pages; never http:, javascript: or data: URLs.
  if (!/^https:\/\//i.test(value)) return 'The address must start with https://.';
  if (/[\s\p{Cc}]/u.test(value)) return 'The address cannot contain spaces or line breaks.';
  for (const match of value.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!(URL_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `Unknown placeholder {${name}}; use ${URL_TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
    }
  }
  if (/[{}]/.test(value.replace(/\{[^{}]*\}/g, ''))) return 'Every "{" needs a matching "}".';
  const host = value.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  const hostProblem = domainError(host);
  return hostProblem ? `The address needs a plain domain after https://. ${hostProblem}` : null;
}

/** Schema for a URL template such as `https://shop.example/b?lot={lot}&exp={expiry}`. */
export const UrlTemplate = z
  .string()
  .trim()
  .max(MAX_TEMPLATE_CHARS)
  .superRefine((value, ctx) => {
    const error = urlTemplateError(value);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** GS1 Digital Link mode: `https://{domain}{/path}/01/…`. */
export const Gs1QrSettings = z.strictObject({ mode: z.literal('gs1'), domain: DigitalLinkDomain, path: DigitalLinkPath.optional() });
/** Own-URL mode with placeholders. */
export const UrlQrSettings = z.strictObject({ mode: z.literal('url'), template: UrlTemplate });
/** Plain-text mode. */
export const TextQrSettings = z.strictObject({ mode: z.literal('text') });
/** The shop's QR payload choice. */
export const QrSettings = z.discriminatedUnion('mode', [Gs1QrSettings, UrlQrSettings, TextQrSettings]);
/** The shop's QR payload choice. */
export type QrSettings = z.infer<typeof QrSettings>;
/** Text works offline and needs no GTIN or website, so it is the default. */
export const DEFAULT_QR_SETTINGS: QrSettings = Object.freeze({ mode: 'text' });

/** The batch fields a label payload uses. */
export interface QrBatch {
  lot?: string | null;
  productionDate: string;
  arrivalDate: string;
  /** Explicit expiry; else production date + the product's shelf life. */
  expiryDate?: string | null;
}

/** The product fields a label payload uses. */
export interface QrProduct {
  name: string;
  gtin?: string | null;
  dateType: DateType;
  shelfLifeDays?: number | null;
}

const hasGtin = (product: QrProduct): boolean => (product.gtin ?? '').trim() !== '';

/** The mode `buildQrPayload` will actually use: 'gs1' falls back to 'text' for a product without a GTIN. */
export function resolveQrMode(settings: QrSettings, product: QrProduct): QrSettings['mode'] {
  return settings.mode === 'gs1' && !hasGtin(product) ? 'text' : settings.mode;
}

/** The product's GTIN in 14 digits, '' without one; throws `INVALID_INPUT` for a GTIN that is present but invalid. */
function productGtin14(product: QrProduct): string {
  if (!hasGtin(product)) return '';
  const check = validateGtin(product.gtin ?? '');
  if (!check.valid || check.gtin14 === undefined) {
    throw new AppError('INVALID_INPUT', `The GTIN of "${oneLine(product.name, QR_TEXT_NAME_MAX)}" is not valid. ${check.error ?? ''}`.trim());
  }
  return check.gtin14;
}

/** `value` on one line: control characters and line breaks become spaces (a name cannot forge a "Use by" line). */
function oneLine(value: string, max?: number): string {
  const clean = value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return max === undefined || chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** The human label of the product's date: "Use by" or "Best before". */
export function dateLabel(dateType: DateType): string {
  return dateType === 'best-before' ? 'Best before' : 'Use by';
}

/** The plain-text payload: product, lot, production, arrival and use-by/best-before lines, '\n'-separated. */
export function buildTextPayload(batch: QrBatch, product: QrProduct): string {
  assertIsoDate(batch.productionDate, 'Production date');
  assertIsoDate(batch.arrivalDate, 'Arrival date');
  const expiry = effectiveExpiryDate({ ...batch, shelfLifeDays: product.shelfLifeDays });
  const lot = oneLine(batch.lot ?? '');
  const lines = [oneLine(product.name, QR_TEXT_NAME_MAX)];
  if (lot !== '') lines.push(`Lot: ${lot}`);
  lines.push(`Produced: ${batch.productionDate}`, `Arrived: ${batch.arrivalDate}`);
  if (expiry !== null) lines.push(`${dateLabel(product.dateType)}: ${expiry}`);
  return lines.join('\n');
}

function buildUrlPayload(template: string, batch: QrBatch, product: QrProduct): string {
  const problem = urlTemplateError(template);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  assertIsoDate(batch.productionDate, 'Production date');
  assertIsoDate(batch.arrivalDate, 'Arrival date');
  const usesGtin = /\{gtin(14)?\}/.test(template);
  const values = new Map<string, string>([
    ['gtin', usesGtin ? (product.gtin ?? '').trim() : ''],
    ['gtin14', usesGtin ? productGtin14(product) : ''],
    ['lot', batch.lot ?? ''],
    ['production', batch.productionDate],
    ['arrival', batch.arrivalDate],
    ['expiry', effectiveExpiryDate({ ...batch, shelfLifeDays: product.shelfLifeDays }) ?? ''],
    ['product', product.name.trim()],
  ]);
  return template.trim().replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(values.get(name) ?? ''));
}

function buildGs1Payload(settings: z.infer<typeof Gs1QrSettings>, batch: QrBatch, product: QrProduct): string {
  return buildDigitalLink({
    domain: settings.domain,
    path: settings.path,
    gtin: productGtin14(product),
    lot: batch.lot == null || batch.lot.trim() === '' ? null : batch.lot,
    productionDate: batch.productionDate,
    expiryDate: effectiveExpiryDate({ ...batch, shelfLifeDays: product.shelfLifeDays }),
    dateType: product.dateType,
  });
}

/**
 * The QR payload for one batch label under the shop's settings (see the module comment for the
 * fallback rule). Throws `INVALID_INPUT` for an invalid GTIN, lot (gs1 mode: GS1 character set 82,
 * at most 20 characters), date or template.
 */
export function buildQrPayload(settings: QrSettings, batch: QrBatch, product: QrProduct): string {
  if (settings.mode === 'gs1' && hasGtin(product)) return buildGs1Payload(settings, batch, product);
  if (settings.mode === 'url') return buildUrlPayload(settings.template, batch, product);
  return buildTextPayload(batch, product);
}
