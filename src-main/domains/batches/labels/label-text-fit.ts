import type { TextLineSpec } from './label-content';
import { fitLine, MM_PER_PT, wrapTwoLines, type MeasureText } from './label-text';

/** Baseline-to-baseline distance as a multiple of the font size. */
const LINE_PITCH = 1.18;
const SIZE_STEP_PT = 0.25;
/** Lines below this priority (the shop name) are dropped before any other line is cut short. */
const EXPENDABLE_BELOW = 20;
/** Shortened wordings are used only when the full ones would need type this much smaller. */
const FULL_WORDING_MAX_SHRINK = 0.15;

/** A line ready to draw: final wording and size. */
export interface FittedLine {
  readonly text: string;
  readonly sizePt: number;
  readonly bold: boolean;
}

/** The room for a block of text and the type sizes allowed in it. */
export interface TextBox {
  readonly widthMm: number;
  /** `Infinity` for a roll, where the label grows to fit. */
  readonly heightMm: number;
  readonly minPt: number;
  readonly maxPt: number;
  readonly measure: MeasureText;
}

/** Vertical space one line takes at `sizePt`. */
export const linePitchMm = (sizePt: number): number => sizePt * LINE_PITCH * MM_PER_PT;

/** Height of a block of fitted lines. */
export const blockHeightMm = (lines: readonly FittedLine[]): number => lines.reduce((sum, l) => sum + linePitchMm(l.sizePt), 0);

/** Lays out `specs` at body size `body`; `isCut` says whether any line had to shrink or lose words. */
function fitAt(specs: readonly TextLineSpec[], body: number, box: TextBox): { lines: FittedLine[]; isCut: boolean } {
  const lines: FittedLine[] = [];
  let isCut = false;
  for (const spec of specs) {
    const { bold } = spec;
    const sizePt = Math.round(body * spec.scale * 100) / 100;
    const whole = spec.variants.find((v) => box.measure(v, sizePt, bold) <= box.widthMm);
    if (whole !== undefined) {
      lines.push({ text: whole, sizePt, bold });
      continue;
    }
    const last = spec.variants[spec.variants.length - 1] ?? '';
    if (spec.wraps) {
      const wrapped = wrapTwoLines(last, box.widthMm, sizePt, bold, box.measure);
      if (wrapped.join(' ') !== last) isCut = true;
      for (const text of wrapped) lines.push({ text, sizePt, bold });
      continue;
    }
    isCut = true;
    lines.push({ ...fitLine(spec.variants, { widthMm: box.widthMm, sizePt, minPt: box.minPt, bold }, box.measure), bold });
  }
  return { lines, isCut };
}

/** The block at the largest body size from `minPt` up where every line is whole and the block fits, or null. */
function largestWholeFit(specs: readonly TextLineSpec[], box: TextBox, minPt: number): { lines: FittedLine[]; body: number } | null {
  const fitsAt = (k: number) => {
    const body = minPt + k * SIZE_STEP_PT;
    const attempt = fitAt(specs, body, box);
    return !attempt.isCut && blockHeightMm(attempt.lines) <= box.heightMm ? { lines: attempt.lines, body } : null;
  };
  let best = fitsAt(0);
  if (!best) return null;
  // Smaller type never needs more room, so binary search the size steps.
  let low = 0;
  let high = Math.floor((box.maxPt - minPt) / SIZE_STEP_PT);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const fit = fitsAt(mid);
    if (fit) {
      best = fit;
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

/**
 * The largest whole fit, but in the full wording ("Best before", not "BB") when that costs at most
 * {@link FULL_WORDING_MAX_SHRINK} of the size.
 */
function preferFullWording(specs: readonly TextLineSpec[], box: TextBox): FittedLine[] | null {
  const best = largestWholeFit(specs, box, box.minPt);
  if (!best) return null;
  const fullWording = specs.map((s) => ({ ...s, variants: s.variants.slice(0, 1) }));
  const floor = Math.ceil((best.body * (1 - FULL_WORDING_MAX_SHRINK)) / SIZE_STEP_PT) * SIZE_STEP_PT;
  return largestWholeFit(fullWording, box, Math.max(box.minPt, floor))?.lines ?? best.lines;
}

const withoutLowest = (specs: readonly TextLineSpec[]): TextLineSpec[] => {
  const lowest = specs.reduce((a, b) => (b.priority < a.priority ? b : a));
  return specs.filter((s) => s !== lowest);
};

/**
 * Fits label text into a box with one body size for every line (the title and footnote scale with it):
 * the largest size at which every line is whole and the block fits, first with all lines, then without
 * expendable ones (shop name). Failing that, at the smallest size, lines shrink, wrap and truncate with
 * an ellipsis, and the lowest-priority lines are dropped until the block fits the height.
 */
export function fitTextBlock(specs: readonly TextLineSpec[], box: TextBox): FittedLine[] {
  const essential = specs.filter((s) => s.priority >= EXPENDABLE_BELOW);
  const candidates = essential.length < specs.length && essential.length > 0 ? [specs, essential] : [specs];
  for (const set of candidates) {
    const whole = preferFullWording(set, box);
    if (whole) return whole;
  }
  let kept = [...specs];
  for (;;) {
    const { lines } = fitAt(kept, box.minPt, box);
    if (blockHeightMm(lines) <= box.heightMm || kept.length <= 1) return lines;
    kept = withoutLowest(kept);
  }
}
