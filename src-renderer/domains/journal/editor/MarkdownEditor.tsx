import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { imageTheme, imageWidgets, setImages } from './image-widgets';
import { journalTheme, livePreview } from './live-preview';

export interface MarkdownEditorHandle {
  /** Inserts text at the cursor (an attachment's Markdown) and focuses the editor. */
  insert(text: string): void;
  focus(): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  /** Files pasted or dropped into the text (images from the clipboard). */
  onFiles(files: File[]): void;
  handle: Ref<MarkdownEditorHandle | null>;
  label: string;
  /** Attachment id → inline ticket URL, for thumbnails under image lines. */
  images: ReadonlyMap<string, string>;
}

/**
 * CodeMirror 6 for an entry's Markdown body (this module is its own lazy chunk).
 * SECURITY/CSP: CodeMirror injects its styles through style-mod, which writes a <style> element into a
 * document (refused by our `style-src 'self'`) but uses constructable stylesheets in a shadow root. So the
 * editor lives in an open shadow root: its styles are adopted there and no inline <style> is ever created.
 */
export default function MarkdownEditor({ value, onChange, onBlur, onFiles, handle, label, images }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onBlur, onFiles });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onBlur, onFiles };
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.replaceChildren(parent);
    const filesOf = (list: FileList | undefined | null): File[] => [...(list ?? [])];
    const v = new EditorView({
      root: shadow,
      parent,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          livePreview,
          imageWidgets,
          journalTheme,
          imageTheme,
          EditorView.lineWrapping,
          placeholder('Write…'),
          EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'true', 'data-testid': 'entry-body' }),
          EditorView.updateListener.of((u) => u.docChanged && callbacks.current.onChange(u.state.doc.toString())),
          EditorView.domEventHandlers({
            blur: () => callbacks.current.onBlur(),
            paste: (event) => {
              const files = filesOf(event.clipboardData?.files);
              if (files.length === 0) return false;
              event.preventDefault();
              callbacks.current.onFiles(files);
              return true;
            },
            drop: (event) => {
              const files = filesOf(event.dataTransfer?.files);
              if (files.length === 0) return false;
              event.preventDefault();
              callbacks.current.onFiles(files);
              return true;
            },
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once per entry (the parent keys it); later `value` changes come from the editor itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setImages.of(images) });
  }, [images]);

  useImperativeHandle(
    handle,
    (): MarkdownEditorHandle => ({
      insert(text) {
        const v = view.current;
        if (!v) return;
        const at = v.state.selection.main.head;
        const before = at > 0 && v.state.doc.sliceString(at - 1, at) !== '\n' ? '\n' : '';
        v.dispatch({ changes: { from: at, insert: `${before}${text}\n` }, selection: { anchor: at + before.length + text.length + 1 } });
        v.focus();
      },
      focus: () => view.current?.focus(),
    }),
    [],
  );

  return <div ref={host} className="min-h-[200px]" />;
}
