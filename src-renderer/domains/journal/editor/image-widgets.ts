import { StateEffect, StateField, type EditorState, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

/** Attachment id → inline ticket URL (`/api/blob/…`), set by the editor's owner as tickets arrive. */
export const setImages = StateEffect.define<ReadonlyMap<string, string>>();

const IMAGE = /!\[([^\]\n]*)\]\(attachment:([0-9A-HJKMNP-TV-Z]{26})\)/g;
const TICKET_URL = /^\/api\/blob\/[A-Za-z0-9_-]{43}$/;

/** A thumbnail under the line that shows an attachment image; built with DOM APIs, its URL checked. */
class ImageWidget extends WidgetType {
  constructor(
    readonly url: string,
    readonly alt: string,
  ) {
    super();
  }
  override eq(other: ImageWidget): boolean {
    return other.url === this.url && other.alt === this.alt;
  }
  toDOM(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'cm-md-image';
    const img = document.createElement('img');
    img.src = this.url;
    img.alt = this.alt;
    img.draggable = false;
    box.append(img);
    return box;
  }
}

function build(state: EditorState, images: ReadonlyMap<string, string>): DecorationSet {
  if (images.size === 0) return Decoration.none;
  const ranges: Range<Decoration>[] = [];
  const text = state.doc.toString();
  for (const m of text.matchAll(IMAGE)) {
    const url = images.get(m[2]!);
    if (!url || !TICKET_URL.test(url)) continue;
    const line = state.doc.lineAt(m.index);
    ranges.push(Decoration.widget({ widget: new ImageWidget(url, m[1] ?? ''), side: 1, block: true }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

/** Inline thumbnails of attachment images in the Markdown source (block widgets must come from a state field). */
export const imageWidgets = StateField.define<{ images: ReadonlyMap<string, string>; deco: DecorationSet }>({
  create: (state) => ({ images: new Map(), deco: build(state, new Map()) }),
  update(value, tr) {
    const next = tr.effects.find((e) => e.is(setImages))?.value as ReadonlyMap<string, string> | undefined;
    if (next) return { images: next, deco: build(tr.state, next) };
    return tr.docChanged ? { images: value.images, deco: build(tr.state, value.images) } : value;
  },
  provide: (field) => EditorView.decorations.from(field, (v) => v.deco),
});

export const imageTheme = EditorView.theme({
  '.cm-md-image': { padding: '4px 0' },
  '.cm-md-image img': { maxHeight: '160px', maxWidth: '100%', borderRadius: '6px', display: 'block' },
});
