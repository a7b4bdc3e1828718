/**
 * Test-only helpers for label-pdf.test.ts: rasterise PDFs with poppler's `pdftoppm`, decode QR codes
 * with `zbarimg`, and measure where ink lands in the PNGs (via pngjs), all in millimetres.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** Resolution every check renders at. */
export const DPI = 300;
const MM_PER_INCH = 25.4;

/** A rectangle in mm, top-left origin. */
export interface RectMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rendered page: size in pixels and a darkness test per pixel. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly png: PNG;
  isDark(x: number, y: number): boolean;
}

/** Pixels at {@link DPI} for a length in mm. */
export const pxFromMm = (mm: number): number => (mm * DPI) / MM_PER_INCH;
/** Millimetres for a length in pixels at {@link DPI}. */
export const mmFromPx = (px: number): number => (px * MM_PER_INCH) / DPI;

/** Writes the PDF to `dir`, renders every page at 300 dpi and returns the PNG paths in page order. */
export async function rasterise(pdf: Uint8Array, dir: string, name: string): Promise<string[]> {
  const pdfPath = path.join(dir, `${name}.pdf`);
  await writeFile(pdfPath, pdf);
  await run('pdftoppm', ['-r', String(DPI), '-png', '-gray', pdfPath, path.join(dir, name)]);
  const pages = (await readdir(dir))
    .map((file) => ({ file, match: new RegExp(`^${name}-(\\d+)\\.png$`).exec(file) }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ file: path.join(dir, entry.file), page: Number(entry.match?.[1]) }));
  return pages.sort((a, b) => a.page - b.page).map((p) => p.file);
}

/** The document's text as poppler extracts it. */
export async function pdfText(dir: string, name: string): Promise<string> {
  const { stdout } = await run('pdftotext', [path.join(dir, `${name}.pdf`), '-']);
  return stdout;
}

/**
 * Every QR payload zbarimg finds in the image, as raw UTF-8 (`-Sbinary`: no charset guessing). In binary
 * mode zbarimg joins the symbols with no separator, so the result is one concatenated string.
 */
export async function decodeQrConcatenated(pngPath: string): Promise<string> {
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', '-Sbinary', pngPath], {
      encoding: 'buffer',
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.toString('utf8');
  } catch (error) {
    // zbarimg exits with status 4 when the image holds no symbol.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 4) return '';
    throw error;
  }
}

/**
 * Splits zbarimg's concatenated output into the expected payloads (any order, each used once).
 * Returns the payloads in the order found, or null if the output is not exactly such a concatenation.
 */
export function splitConcatenated(output: string, expected: readonly string[]): string[] | null {
  if (output.length === 0) return expected.length === 0 ? [] : null;
  for (let i = 0; i < expected.length; i += 1) {
    const candidate = expected[i];
    if (candidate === undefined || !output.startsWith(candidate)) continue;
    const rest = splitConcatenated(output.slice(candidate.length), [...expected.slice(0, i), ...expected.slice(i + 1)]);
    if (rest) return [candidate, ...rest];
  }
  return null;
}

/** Loads a PNG; a pixel is dark when its luminance is below half. */
export async function readGray(pngPath: string): Promise<GrayImage> {
  const png = PNG.sync.read(await readFile(pngPath));
  const { width, height, data } = png;
  return {
    width,
    height,
    png,
    isDark: (x, y) => {
      const i = (y * width + x) * 4;
      return 0.299 * (data[i] ?? 255) + 0.587 * (data[i + 1] ?? 255) + 0.114 * (data[i + 2] ?? 255) < 128;
    },
  };
}

function pixelRange(img: GrayImage, area: RectMm) {
  return {
    x0: Math.max(0, Math.round(pxFromMm(area.x))),
    y0: Math.max(0, Math.round(pxFromMm(area.y))),
    x1: Math.min(img.width, Math.round(pxFromMm(area.x + area.width))),
    y1: Math.min(img.height, Math.round(pxFromMm(area.y + area.height))),
  };
}

/** Bounding box (mm) of the dark pixels inside `area`, or null if there are none. */
export function darkBounds(img: GrayImage, area: RectMm): RectMm | null {
  const { x0, y0, x1, y1 } = pixelRange(img, area);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      if (!img.isDark(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (left === Infinity) return null;
  return { x: mmFromPx(left), y: mmFromPx(top), width: mmFromPx(right + 1 - left), height: mmFromPx(bottom + 1 - top) };
}

/** Crops `area` out of the page into its own PNG file (for decoding one label at a time). */
export async function cropTo(img: GrayImage, area: RectMm, outPath: string): Promise<void> {
  const { x0, y0, x1, y1 } = pixelRange(img, area);
  const out = new PNG({ width: x1 - x0, height: y1 - y0 });
  PNG.bitblt(img.png, out, x0, y0, x1 - x0, y1 - y0, 0, 0);
  await writeFile(outPath, PNG.sync.write(out));
}

/** Grows (or with a negative margin shrinks) a rectangle on every side. */
export const inflate = (r: RectMm, marginMm: number): RectMm => ({
  x: r.x - marginMm,
  y: r.y - marginMm,
  width: r.width + 2 * marginMm,
  height: r.height + 2 * marginMm,
});

/**
 * Every QR symbol zbarimg reads in the whole images, one entry per symbol (its XML output keeps payloads
 * with line breaks apart). For ASCII payloads; use {@link decodeQrConcatenated} for raw UTF-8.
 */
export async function decodeQrSymbols(pngPaths: readonly string[]): Promise<string[]> {
  let xml = '';
  try {
    ({ stdout: xml } = await run('zbarimg', ['--xml', '-q', '-Sdisable', '-Sqrcode.enable', ...pngPaths], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    // Status 4: no symbol in any image; the XML is still on stdout.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 4 && 'stdout' in error) xml = String(error.stdout);
    else throw error;
  }
  return [...xml.matchAll(/<data><!\[CDATA\[([\s\S]*?)\]\]><\/data>/g)].map((m) => m[1] ?? '');
}

/** Renders every page of the PDF at `dpi` into `dir` (PNG, grey) and returns the page files in order. */
export async function rasteriseAt(pdf: Uint8Array, dir: string, name: string, dpi: number): Promise<string[]> {
  const pdfPath = path.join(dir, `${name}.pdf`);
  await writeFile(pdfPath, pdf);
  await run('pdftoppm', ['-r', String(dpi), '-png', '-gray', pdfPath, path.join(dir, `${name}-${dpi}`)]);
  const prefix = `${name}-${dpi}-`;
  const files = (await readdir(dir)).filter((f) => f.startsWith(prefix) && f.endsWith('.png'));
  return files.sort((a, b) => Number(a.slice(prefix.length, -4)) - Number(b.slice(prefix.length, -4))).map((f) => path.join(dir, f));
}
