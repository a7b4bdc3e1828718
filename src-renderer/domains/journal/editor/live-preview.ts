import { syntaxTree } from '@codemirror/language';
import type { Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/**
 * Modest live preview for Markdown source: headings sized, bold and italic styled, the marker characters
 * (#, *, _, `, >) dimmed, inline code in mono. The text stays exactly what the user typed.
 */
const heading = (level: number) => Decoration.line({ class: `cm-md-h cm-md-h${level}` });
const marks: Record<string, Decoration> = {
  StrongEmphasis: Decoration.mark({ class: 'cm-md-strong' }),
  Emphasis: Decoration.mark({ class: 'cm-md-em' }),
  Strikethrough: Decoration.mark({ class: 'cm-md-strike' }),
  InlineCode: Decoration.mark({ class: 'cm-md-code' }),
  Link: Decoration.mark({ class: 'cm-md-link' }),
  Image: Decoration.mark({ class: 'cm-md-link' }),
  Blockquote: Decoration.mark({ class: 'cm-md-quote' }),
};
const dim = Decoration.mark({ class: 'cm-md-mark' });
const MARKERS = new Set(['HeaderMark', 'EmphasisMark', 'CodeMark', 'QuoteMark', 'LinkMark', 'StrikethroughMark', 'ListMark', 'URL']);

function build(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(view.state).iterate({
      from,
      to,
      enter(node) {
        const level = /^ATXHeading(\d)$/.exec(node.name)?.[1];
        if (level) ranges.push(heading(Number(level)).range(view.state.doc.lineAt(node.from).from));
        const mark = marks[node.name];
        if (mark && node.to > node.from) ranges.push(mark.range(node.from, node.to));
        if (MARKERS.has(node.name) && node.to > node.from) ranges.push(dim.range(node.from, node.to));
      },
    });
  }
  return Decoration.set(ranges, true);
}

export const livePreview = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) this.decorations = build(update.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** The editor's look, from the app's colour tokens (CSS variables reach into the shadow root). */
export const journalTheme = EditorView.theme({
  '&': { color: 'var(--hearth-text)', backgroundColor: 'transparent', fontSize: '15px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.65', overflow: 'visible' },
  '.cm-content': { padding: '4px 0 48px', caretColor: 'var(--hearth-accent)', maxWidth: '72ch' },
  '.cm-line': { padding: '0' },
  '.cm-cursor': { borderLeftColor: 'var(--hearth-accent)', borderLeftWidth: '2px' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--hearth-accent) 25%, transparent) !important',
  },
  '.cm-placeholder': { color: 'var(--hearth-faint)' },
  '.cm-md-h': { fontWeight: '650' },
  '.cm-md-h1': { fontSize: '1.6em' },
  '.cm-md-h2': { fontSize: '1.35em' },
  '.cm-md-h3': { fontSize: '1.15em' },
  '.cm-md-strong': { fontWeight: '700' },
  '.cm-md-em': { fontStyle: 'italic' },
  '.cm-md-strike': { textDecoration: 'line-through' },
  '.cm-md-code': { fontFamily: 'var(--font-mono, monospace)', fontSize: '0.9em', backgroundColor: 'var(--hearth-subtle)', borderRadius: '3px' },
  '.cm-md-link': { color: 'var(--hearth-accent)' },
  '.cm-md-quote': { color: 'var(--hearth-muted)', fontStyle: 'italic' },
  '.cm-md-mark': { color: 'var(--hearth-faint)', opacity: '0.75', fontWeight: '400', fontStyle: 'normal' },
});
