import { Angry, Book, Briefcase, Feather, Frown, Heart, Laugh, Leaf, Meh, Moon, Plane, Smile, Star, Sun, type LucideIcon } from 'lucide-react';
import type { JOURNAL_COLORS, JOURNAL_ICONS } from '../../../src-shared/domains/journal/journal.schemas';

type Color = (typeof JOURNAL_COLORS)[number];
type Icon = (typeof JOURNAL_ICONS)[number];

/** The journal colour dot, as full class names (Tailwind only keeps classes it can see in the source). */
export const COLOR_DOT: Record<Color, string> = {
  slate: 'bg-slate-500',
  red: 'bg-red-500',
  orange: 'bg-orange-500',
  amber: 'bg-amber-500',
  green: 'bg-green-600',
  teal: 'bg-teal-500',
  blue: 'bg-blue-500',
  violet: 'bg-violet-500',
  pink: 'bg-pink-500',
};

export const ICONS: Record<Icon, LucideIcon> = {
  book: Book,
  sun: Sun,
  heart: Heart,
  star: Star,
  leaf: Leaf,
  briefcase: Briefcase,
  plane: Plane,
  moon: Moon,
  feather: Feather,
};

/** Mood 1…5 as faces (icons: emoji fonts differ between systems), with words for screen readers and tooltips. */
export const MOODS = [
  { value: 1, icon: Angry, label: 'Awful' },
  { value: 2, icon: Frown, label: 'Bad' },
  { value: 3, icon: Meh, label: 'Okay' },
  { value: 4, icon: Smile, label: 'Good' },
  { value: 5, icon: Laugh, label: 'Great' },
] as const;

export const moodOf = (mood: number | null) => MOODS.find((m) => m.value === mood) ?? null;

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "March 2026" for a local date (YYYY-MM-DD), read as a calendar date (no zone shift). */
export const monthLabel = (isoDate: string): string => monthFormat.format(new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`));
/** Weekday and day of month, as separate parts (their order differs between locales). */
export function dayParts(isoDate: string): { weekday: string; day: string } {
  const parts = dayFormat.formatToParts(new Date(`${isoDate}T00:00:00Z`));
  return { weekday: parts.find((p) => p.type === 'weekday')?.value ?? '', day: parts.find((p) => p.type === 'day')?.value ?? '' };
}
const shortDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const shortDayLabel = (isoDate: string): string => shortDayFormat.format(new Date(`${isoDate}T00:00:00Z`));
export const longDayLabel = (isoDate: string): string => longDayFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** Today's calendar date on this computer. */
export function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
