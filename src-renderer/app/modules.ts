import { BookOpen, CalendarDays, FolderOpen, KeyRound, Mail, Package, Target, type LucideIcon } from 'lucide-react';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** One entry in the sidebar. A module plugs in by adding (or filling in) exactly one entry below. */
export interface AppModule {
  id: string;
  label: string;
  icon: LucideIcon;
  /** Ctrl+digit (⌘+digit on macOS) opens the module. */
  shortcut: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
  /** One line shown in the "Coming soon" state and the sidebar tooltip. */
  description: string;
  /** The module's page, loaded on first visit. Absent: a friendly "Coming soon". */
  page?: LazyExoticComponent<ComponentType>;
}

/** The navigation registry, in sidebar order. */
export const MODULES = [
  {
    id: 'vault',
    label: 'Vault',
    icon: KeyRound,
    shortcut: '1',
    description: 'Passwords, one-time codes and secure notes, encrypted on this device.',
    page: lazy(() => import('../domains/vault/VaultPage').then((m) => ({ default: m.VaultPage }))),
  },
  {
    id: 'journal',
    label: 'Journal',
    icon: BookOpen,
    shortcut: '2',
    description: 'A private daily journal with Markdown, tags and moods.',
    page: lazy(() => import('../domains/journal/JournalPage').then((m) => ({ default: m.JournalPage }))),
  },
  {
    id: 'calendar',
    label: 'Calendar',
    icon: CalendarDays,
    shortcut: '3',
    description: 'Events and reminders that work with iCalendar files.',
    page: lazy(() => import('../domains/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage }))),
  },
  {
    id: 'batches',
    label: 'Batches',
    icon: Package,
    shortcut: '4',
    description: 'Production batches, shelf life and printable labels.',
    page: lazy(() => import('../domains/batches/BatchesPage').then((m) => ({ default: m.BatchesPage }))),
  },
  {
    id: 'goals',
    label: 'Goals',
    icon: Target,
    shortcut: '5',
    description: 'Goals and habits, with progress you can export.',
    page: lazy(() => import('../domains/goals/GoalsPage').then((m) => ({ default: m.GoalsPage }))),
  },
  {
    id: 'files',
    label: 'Files',
    icon: FolderOpen,
    shortcut: '6',
    description: 'Documents, scans and photos in folders, encrypted, searchable and attachable to any record.',
    page: lazy(() => import('../domains/files/FilesPage').then((m) => ({ default: m.FilesPage }))),
  },
  {
    id: 'email',
    label: 'Email',
    icon: Mail,
    shortcut: '7',
    description: 'An encrypted, searchable archive of your mail: mbox, .eml and IMAP, exported byte for byte.',
    page: lazy(() => import('../domains/email/EmailPage').then((m) => ({ default: m.EmailPage }))),
  },
] as const satisfies readonly AppModule[];

export type ModuleId = (typeof MODULES)[number]['id'];

/** The module with this id (the first one for an unknown id). */
export function moduleById(id: string): AppModule {
  return MODULES.find((m) => m.id === id) ?? MODULES[0];
}
