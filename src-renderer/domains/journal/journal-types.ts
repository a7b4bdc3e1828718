import type { z } from 'zod';
import type { journalContract } from '../../../src-shared/domains/journal/journal.contract';

type Ops = (typeof journalContract)['ops'];
export type Output<K extends keyof Ops> = z.output<Ops[K]['output']>;
export type Input<K extends keyof Ops> = z.input<Ops[K]['input']>;

export type { Attachment, Entry, EntrySummary, Journal, MetricDef } from '../../../src-shared/domains/journal/journal.schemas';
export type Template = Output<'templates'>[number];
export type TagCount = Output<'tags'>[number];
export type SearchHit = Output<'search'>[number];
export type HeatmapDay = Output<'heatmap'>[number];
export type MediaItem = Output<'media'>[number];
export type MetricSeries = Output<'metrics'>;
export type Version = Output<'versions'>[number];
export type ImportPreview = Output<'importPreview'>;
export type ImportResult = Output<'importCommit'>;
export type UpdateEntry = Input<'update'>;

/** The views of the left list. `search` shows results while a query is active. */
export type JournalView = 'timeline' | 'calendar' | 'onthisday' | 'media' | 'checkins' | 'trash' | 'search';

/** What the timeline (and calendar, media, check-ins) are narrowed to. */
export interface JournalFilter {
  journalId: string | null;
  tag: string | null;
  starred: boolean;
}

export interface SearchFilters {
  journalId: string | null;
  tag: string | null;
  from: string;
  to: string;
  hasAttachment: boolean;
  mood: number | null;
  includeLocked: boolean;
}
