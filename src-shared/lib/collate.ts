/**
 * The one order for names people read (item titles, folders, tags, products, suppliers): the user's
 * locale, case- and accent-insensitive, numbers by value ("Item 2" before "Item 10"). One collator is
 * shared because constructing one is far slower than comparing with it.
 */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Compares two names for sorting. Ties (same name ignoring case/accents) compare equal. */
export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** A copy of `items` sorted by `name(item)`. Stable, so ties keep their given order. */
export function sortByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
