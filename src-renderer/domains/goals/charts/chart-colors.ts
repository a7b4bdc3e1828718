/**
 * Canvas needs real colours, but the design tokens are `light-dark()` pairs that only CSS resolves. A hidden probe
 * element takes `color: var(--hearth-…)` and its computed colour is read back, so the charts follow the theme.
 */
export const TONES = ['accent', 'success', 'warning', 'danger', 'muted', 'faint', 'text', 'line', 'line-strong'] as const;
export type Tone = (typeof TONES)[number];

/** Colours for several lines (one per goal), in a fixed order. */
export const PALETTE: readonly Tone[] = ['accent', 'success', 'warning', 'danger', 'muted'];

export function resolveColors(host: HTMLElement): Record<Tone, string> {
  const probe = document.createElement('span');
  probe.hidden = true;
  host.append(probe);
  const out = {} as Record<Tone, string>;
  for (const tone of TONES) {
    probe.style.color = `var(--hearth-${tone})`;
    out[tone] = getComputedStyle(probe).color || '#888';
  }
  probe.remove();
  return out;
}

/** Calls `onChange` when the theme changes: the OS scheme, or the theme class the settings put on <html>. */
export function watchTheme(onChange: () => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => {
    media.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

/** A colour with an alpha (for fills under lines): works for the rgb()/rgba() strings getComputedStyle returns. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(color);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : color;
}
