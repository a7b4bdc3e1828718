/**
 * Joplin's item serialization (JEX members and RAW export files): `title`, blank line, `body`, blank line, then
 * `key: value` lines ending with `type_: N`. Items without a title (note_tag) are only the `key: value` lines.
 * Read from the end the way Joplin does, so a body containing "key: value" text is not mistaken for metadata.
 */
export interface JoplinItem {
  title: string;
  body: string;
  props: Record<string, string>;
  type: number;
}

const PROP = /^([a-zA-Z0-9_?]+): ?(.*)$/;

export function parseJoplinItem(text: string): JoplinItem | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const props: Record<string, string> = {};
  let i = lines.length - 1;
  while (i >= 0 && lines[i] === '') i--;
  for (; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line === '') break;
    const m = PROP.exec(line);
    if (!m?.[1]) return null;
    // Joplin escapes line breaks inside property values.
    props[m[1]] = (m[2] ?? '').replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  }
  const type = Number(props.type_);
  if (!props.id || !Number.isInteger(type)) return null;
  const head = i > 0 ? lines.slice(0, i) : [];
  return { title: head[0] ?? '', body: head.slice(2).join('\n'), props, type };
}

/** Joplin's item types that the importer reads. */
export const JOPLIN_TYPE = { note: 1, folder: 2, resource: 4, tag: 5, noteTag: 6 } as const;

/** Names of the other item types, for the skipped list. */
export const JOPLIN_OTHER_TYPES: Record<number, string> = {
  3: 'setting',
  7: 'saved search',
  8: 'alarm',
  9: 'master key',
  13: 'revision',
  14: 'migration',
  16: 'command',
};
