import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportRun, MessageSummary } from '../../../src-shared/domains/email/email.schemas';
import { fake } from '../../api/fake-client';
import { loadMore, openView, selectMessage, setQuery, startMail, useMailStore } from './email.store';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const id = (n: number) => `01JD00000000000000000000${String(n).padStart(2, '0')}`;
const message = (n: number): MessageSummary => ({
  id: id(n),
  messageId: `<m${n}@x>`,
  threadId: `t${n}`,
  subject: `Message ${n}`,
  from: { name: 'Ana', address: 'ana@example.org' },
  to: [],
  date: '2024-04-11T06:19:44.000Z',
  snippet: '',
  attachmentCount: 0,
  hasCalendar: false,
  labels: [],
  size: 100,
  parseStatus: 'ok',
  parseError: '',
});
const run = (state: ImportRun['state'], imported: number): ImportRun => ({
  id: id(90),
  kind: 'mbox',
  source: 'all.mbox',
  state,
  totalBytes: 1000,
  checkpoint: imported * 100,
  imported,
  duplicates: 0,
  unparsed: 0,
  error: '',
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: null,
});
const settle = () => new Promise((r) => setTimeout(r, 5));
let stop: () => void = () => undefined;

beforeEach(() => {
  fake.reset();
  useMailStore.setState(useMailStore.getInitialState());
  fake.handle('email', 'folders', () => [{ id: id(80), path: 'Inbox', messages: 3 }]);
  fake.handle('email', 'labels', () => [{ label: 'Chat', messages: 1 }]);
  fake.handle('email', 'importRuns', () => []);
  fake.handle('email', 'list', ({ cursor }) =>
    cursor ? { messages: [message(3)], nextCursor: null, total: 3 } : { messages: [message(1), message(2)], nextCursor: 'c1', total: 3 },
  );
});
afterEach(() => stop());

describe('the email store', () => {
  it('loads folders, labels and a page; "Load more" appends the next page by its cursor', async () => {
    stop = startMail();
    await settle();
    const s = useMailStore.getState();
    expect(s.folders?.map((f) => f.path)).toEqual(['Inbox']);
    expect(s.labels).toEqual([{ label: 'Chat', messages: 1 }]);
    expect(s.messages.map((m) => m.subject)).toEqual(['Message 1', 'Message 2']);
    await loadMore();
    expect(useMailStore.getState().messages.map((m) => m.subject)).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(useMailStore.getState().nextCursor).toBeNull();
    openView({ kind: 'label', label: 'Chat' });
    await settle();
    expect(fake.calls.filter((c) => c.channel === 'email:list').at(-1)?.input).toEqual({ label: 'Chat', limit: 100 });
  });

  it('follows import progress events: a run is added, then updated in place', async () => {
    stop = startMail();
    await settle();
    fake.emit('email', 'progress', run('running', 2));
    fake.emit('email', 'progress', run('done', 6));
    expect(useMailStore.getState().runs.map((r) => [r.state, r.imported])).toEqual([['done', 6]]);
  });

  it('searches after a pause and drops the hits when the query is cleared; opens a message with its thread', async () => {
    fake.handle('email', 'search', ({ query }) => ({ hits: [{ ...message(1), highlight: `\u0002${query}\u0003` }], total: 1 }));
    fake.handle('email', 'get', ({ id: m }) => ({
      ...message(1),
      id: m,
      cc: [],
      replyTo: [],
      inReplyTo: '',
      references: [],
      headers: [],
      text: 'hello',
      html: '',
      attachments: [],
      sha256: 'a'.repeat(64),
      provenance: [],
    }));
    fake.handle('email', 'thread', () => [message(1), message(2)]);
    setQuery('label:chat');
    await new Promise((r) => setTimeout(r, 260));
    expect(useMailStore.getState().hits?.map((h) => h.highlight)).toEqual(['\u0002label:chat\u0003']);
    setQuery('');
    expect(useMailStore.getState().hits).toBeNull();
    selectMessage(id(1));
    await settle();
    expect(useMailStore.getState().detail?.text).toBe('hello');
    expect(useMailStore.getState().thread).toHaveLength(2);
  });
});
