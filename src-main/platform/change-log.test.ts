import { Readable } from 'node:stream';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src-shared/domains/batches/freshness-rule';
import { channelOf } from '../../src-shared/ipc/define';
import { parseHlc } from '../../src-shared/lib/hlc';
import { PASSWORD, testCore, type TestCore } from '../test/helpers';

/**
 * Issue 8's change-log guarantee, for every operation of every module: a write appends exactly the rows it
 * changed (table, row id, operation), with one HLC version per write and this device's id; a read appends
 * nothing. "Exactly" is checked against the database itself: every logged table is snapshotted before and
 * after each operation and the difference must equal the log rows the operation added.
 */

type Row = Record<string, unknown>;
type Snapshot = Map<string, Map<string, string>>;
interface LogRow {
  seq: number;
  hlc: string;
  device_id: string;
  domain: string;
  table_name: string;
  row_id: string;
  op: string;
}

/** Tables with change-log triggers, and their key column. */
function loggedTables(core: TestCore): { table: string; key: string }[] {
  const sqlite = core.profiles.current().sqlite;
  const tables = (sqlite.prepare(`SELECT tbl_name AS t FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_log_insert'`).all() as { t: string }[]).map(
    (r) => r.t,
  );
  return tables.map((table) => {
    const pk = (sqlite.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 1`).get(table) as { name: string }).name;
    return { table, key: pk };
  });
}

function snapshot(core: TestCore): Snapshot {
  const sqlite = core.profiles.current().sqlite;
  const out: Snapshot = new Map();
  for (const { table, key } of loggedTables(core)) {
    const rows = sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[];
    out.set(table, new Map(rows.map((r) => [String(r[key]), JSON.stringify(r)])));
  }
  return out;
}

/** What changed between two snapshots, as `table|row|op` strings. */
function diff(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<string, string>();
    for (const [id, json] of rows) {
      if (!old.has(id)) out.push(`${table}|${id}|insert`);
      else if (old.get(id) !== json) out.push(`${table}|${id}|update`);
    }
    for (const id of old.keys()) if (!rows.has(id)) out.push(`${table}|${id}|delete`);
  }
  return out.sort();
}

/**
 * An operation may run several writes (store a file, then reference it): its log rows fold per row with the
 * same rules the triggers apply inside one write (insert then update is an insert; then delete, a delete).
 */
function folded(rows: LogRow[]): string[] {
  const byRow = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.table_name}|${r.row_id}`;
    const before = byRow.get(key);
    byRow.set(key, before === 'insert' && r.op === 'update' ? 'insert' : before === 'delete' && r.op === 'insert' ? 'update' : r.op);
  }
  return [...byRow].map(([key, op]) => `${key}|${op}`).sort();
}

const lastSeq = (core: TestCore): number =>
  (core.profiles.current().sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log').get() as { n: number }).n;
const logSince = (core: TestCore, seq: number): LogRow[] =>
  core.profiles.current().sqlite.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq').all(seq) as LogRow[];

/** The state the steps share (ids made by earlier steps). */
interface State {
  blobId: string;
  itemId: string;
  productId: string;
  batchId: string;
  movementId: string;
  importId: string;
  qr: string;
  trashedId: string;
  journalId: string;
  entryId: string;
  versionId: string;
  templateId: string;
  attachmentId: string;
  previewId: string;
  pngBlob: string;
  mdBlob: string;
  fileFolderId: string;
  fileId: string;
  fileVersionId: string;
  fileLinkId: string;
  calendarId: string;
  eventId: string;
  taskId: string;
  calPreviewId: string;
  icsBlob: string;
  pdpId: string;
  goalId: string;
  krId: string;
  goalTaskId: string;
  taskProjectId: string;
  filterId: string;
  habitId: string;
  evidenceId: string;
  goalsPreviewId: string;
  todoistBlob: string;
  mboxBlob: string;
  mailId: string;
}
type Step = [channel: string, input: (s: State) => unknown, keep?: (out: never, s: State) => void];

const bitwarden = JSON.stringify({
  encrypted: false,
  items: [{ type: 1, name: 'Imported', login: { username: 'i', password: 'imported-pw-1', uris: [{ uri: 'https://example.org' }] } }],
});
const csv = [
  'product,gtin,lot,production_date,arrival_date,quantity,unit,date_type,shelf_life_days',
  'Oat milk,,OM-1,2026-11-18,2026-11-19,6,l,best-before,10',
].join('\n');
const login = { type: 'login', title: 'Mail', login: { username: 'me', password: 'first-Pa55word', urls: [{ url: 'https://mail.example' }] } };

/** Every operation, in an order where each finds what it needs. Reads are listed too: they must log nothing. */
const steps: Step[] = [
  ['app:bootstrap', () => ({})],
  ['app:openExternal', () => ({ url: 'https://example.org' })],
  ['profile:list', () => ({})],
  ['session:status', () => ({})],
  ['session:touch', () => ({})],
  ['settings:get', () => ({})],
  ['settings:set', () => ({ clipboardClearSeconds: 30, theme: 'dark' })],
  ['vault:create', () => ({ item: login }), (out: { id: string }, s) => (s.itemId = out.id)],
  ['vault:update', (s) => ({ id: s.itemId, item: { ...login, title: 'Mail (work)', login: { ...login.login, password: 'second-Pa55word' } } })],
  ['vault:totpFromImage', (s) => ({ id: s.itemId, imageBase64: s.qr })],
  ['vault:list', () => ({ query: 'mail' })],
  ['vault:get', (s) => ({ id: s.itemId })],
  ['vault:reveal', (s) => ({ id: s.itemId, field: 'password' })],
  ['vault:copy', (s) => ({ id: s.itemId, field: 'password' })],
  ['vault:totp', (s) => ({ id: s.itemId })],
  ['vault:revealTotpSeed', (s) => ({ id: s.itemId, password: PASSWORD })],
  ['vault:passwordHistory', (s) => ({ id: s.itemId })],
  ['vault:versions', (s) => ({ id: s.itemId })],
  ['vault:folders', () => ({})],
  ['vault:tags', () => ({})],
  ['vault:generate', () => ({ kind: 'password' })],
  ['vault:strength', () => ({ password: 'correct horse' })],
  ['vault:health', () => ({})],
  ['vault:expiries', () => ({ from: '2026-01-01', to: '2026-12-31' })],
  [
    'vault:importPreview',
    () => ({ file: { fileName: 'bw.json', contentBase64: Buffer.from(bitwarden).toString('base64') } }),
    (out: { importId: string }, s) => (s.importId = out.importId),
  ],
  ['vault:importCommit', (s) => ({ importId: s.importId })],
  ['vault:export', () => ({ format: 'csv', password: PASSWORD, acknowledgePlaintext: true })],
  ['vault:trash', (s) => ({ id: s.itemId }), (_out, s) => (s.trashedId = s.itemId)],
  ['vault:restore', (s) => ({ id: s.itemId })],
  ['vault:trash', (s) => ({ id: s.itemId })],
  ['vault:purge', (s) => ({ id: s.trashedId })],
  [
    'batches:createProduct',
    () => ({ name: 'Rye bread', unit: 'pcs', shelfLifeDays: 5, thresholds: DEFAULT_THRESHOLDS }),
    (out: { id: string }, s) => (s.productId = out.id),
  ],
  ['batches:updateProduct', (s) => ({ id: s.productId, name: 'Rye bread', unit: 'pcs', shelfLifeDays: 6, thresholds: DEFAULT_THRESHOLDS })],
  ['batches:listProducts', () => ({})],
  [
    'batches:create',
    (s) => ({ productId: s.productId, lot: 'R-1', productionDate: '2026-11-18', arrivalDate: '2026-11-19', quantity: 10 }),
    (out: { batch: { id: string } }, s) => (s.batchId = out.batch.id),
  ],
  ['batches:update', (s) => ({ id: s.batchId, productId: s.productId, lot: 'R-1', productionDate: '2026-11-18', arrivalDate: '2026-11-19', quantity: 12 })],
  ['batches:recordMovement', (s) => ({ batchId: s.batchId, kind: 'sold', quantity: 2 })],
  ['batches:get', (s) => ({ id: s.batchId }), (out: { movements: { id: string }[] }, s) => (s.movementId = out.movements[0]?.id ?? '')],
  ['batches:undoMovement', (s) => ({ id: s.movementId })],
  ['batches:list', () => ({})],
  ['batches:wasteLog', () => ({})],
  ['batches:dashboard', () => ({})],
  ['batches:expiryEvents', () => ({ from: '2026-11-01', to: '2026-12-31' })],
  ['batches:labelTemplates', () => ({})],
  ['batches:printLabels', (s) => ({ batchIds: [s.batchId] }), (out: { blobId: string }, s) => (s.blobId = out.blobId)],
  ['blobs:ticket', (s) => ({ blobId: s.blobId })],
  ['blobs:uploadTicket', () => ({})],
  ['jobs:list', () => ({})],
  ['journal:createJournal', () => ({ name: 'Diary' }), (out: { id: string }, s) => (s.journalId = out.id)],
  ['journal:updateJournal', (s) => ({ id: s.journalId, color: 'green' })],
  ['journal:listJournals', () => ({})],
  ['journal:create', (s) => ({ journalId: s.journalId, body: 'First words' }), (out: { id: string }, s) => (s.entryId = out.id)],
  ['journal:update', (s) => ({ id: s.entryId, body: 'Second words', tags: ['t'] })],
  ['journal:get', (s) => ({ id: s.entryId })],
  ['journal:list', () => ({})],
  ['journal:versions', (s) => ({ id: s.entryId }), (out: { id: string }[], s) => (s.versionId = out[0]!.id)],
  ['journal:restoreVersion', (s) => ({ entryId: s.entryId, versionId: s.versionId })],
  ['journal:today', (s) => ({ journalId: s.journalId })],
  ['journal:search', () => ({ query: 'first' })],
  ['journal:heatmap', () => ({ from: '2026-01-01', to: '2026-12-31' })],
  ['journal:onThisDay', () => ({ date: '2026-11-20' })],
  ['journal:tags', () => ({})],
  ['journal:attach', (s) => ({ entryId: s.entryId, blobId: s.pngBlob, name: 'tile.png' }), (out: { id: string }, s) => (s.attachmentId = out.id)],
  ['journal:media', () => ({})],
  ['journal:metrics', (s) => ({ journalId: s.journalId })],
  ['journal:detach', (s) => ({ id: s.attachmentId })],
  ['journal:templates', () => ({})],
  ['journal:saveTemplate', () => ({ name: 'Evening', body: '# {{date}}' }), (out: { id: string }, s) => (s.templateId = out.id)],
  ['journal:deleteTemplate', (s) => ({ id: s.templateId })],
  [
    'journal:importPreview',
    (s) => ({ files: [{ path: 'Notes/walk.md', blobId: s.mdBlob }] }),
    (out: { previewId: string }, s) => (s.previewId = out.previewId),
  ],
  ['journal:importCommit', (s) => ({ previewId: s.previewId })],
  ['journal:export', () => ({ format: 'json' })],
  ['journal:trash', (s) => ({ id: s.entryId })],
  ['journal:restore', (s) => ({ id: s.entryId })],
  ['journal:openJournal', (s) => ({ id: s.journalId })],
  ['journal:closeJournal', (s) => ({ id: s.journalId })],
  ['journal:deleteJournal', (s) => ({ id: s.journalId })],
  ['files:createFolder', () => ({ name: 'Papers' }), (out: { id: string }, s) => (s.fileFolderId = out.id)],
  ['files:renameFolder', (s) => ({ id: s.fileFolderId, name: 'Documents' })],
  [
    'files:add',
    (s) => ({ blobId: s.pngBlob, name: 'tile.png', folderId: s.fileFolderId, relativePath: 'scans/tile.png', tags: ['scan'] }),
    (out: { file: { id: string } }, s) => (s.fileId = out.file.id),
  ],
  ['files:add', (s) => ({ blobId: s.pngBlob, name: 'same-tile.png' })],
  ['files:list', () => ({})],
  ['files:rename', (s) => ({ id: s.fileId, name: 'tile-1.png' })],
  ['files:move', (s) => ({ id: s.fileId, folderId: s.fileFolderId })],
  ['files:setTags', (s) => ({ id: s.fileId, tags: ['scan', 'home'] })],
  ['files:replace', (s) => ({ id: s.fileId, blobId: s.mdBlob })],
  ['files:get', (s) => ({ id: s.fileId }), (out: { versions: { id: string }[] }, s) => (s.fileVersionId = out.versions[0]!.id)],
  ['files:restoreVersion', (s) => ({ id: s.fileId, versionId: s.fileVersionId })],
  ['files:search', () => ({ query: 'tile' })],
  ['files:ticket', (s) => ({ id: s.fileId, disposition: 'inline' })],
  ['files:link', (s) => ({ fileId: s.fileId, owner: { domain: 'vault', id: s.itemId, label: 'Mail' } }), (out: { id: string }, s) => (s.fileLinkId = out.id)],
  ['files:linksOf', (s) => ({ domain: 'vault', id: s.itemId })],
  ['files:unlink', (s) => ({ linkId: s.fileLinkId })],
  ['files:exportArchive', () => ({ password: 'archive-password-1' })],
  ['files:trashFolder', (s) => ({ id: s.fileFolderId })],
  ['files:restoreFolder', (s) => ({ id: s.fileFolderId })],
  ['files:trash', (s) => ({ id: s.fileId })],
  ['files:restore', (s) => ({ id: s.fileId })],
  ['files:trash', (s) => ({ id: s.fileId })],
  ['files:purge', (s) => ({ id: s.fileId })],
  ['calendar:createCalendar', () => ({ name: 'Work' }), (out: { id: string }, s) => (s.calendarId = out.id)],
  ['calendar:updateCalendar', (s) => ({ id: s.calendarId, color: 'green' })],
  ['calendar:listCalendars', () => ({})],
  [
    'calendar:createEvent',
    (s) => ({
      calendarId: s.calendarId,
      title: 'Standup',
      start: { kind: 'zoned', local: '2026-11-23T09:00', tz: 'Europe/London' },
      end: { kind: 'zoned', local: '2026-11-23T09:15', tz: 'Europe/London' },
      rrule: 'FREQ=DAILY;COUNT=5',
    }),
    (out: { id: string }, s) => (s.eventId = out.id),
  ],
  ['calendar:occurrences', () => ({ from: '2026-11-20T00:00:00Z', to: '2026-12-01T00:00:00Z' })],
  ['calendar:getEvent', (s) => ({ id: s.eventId, occurrenceKey: '2026-11-24T09:00:00' })],
  ['calendar:updateEvent', (s) => ({ id: s.eventId, occurrenceKey: '2026-11-24T09:00:00', scope: 'this', patch: { title: 'Standup (moved)' } })],
  ['calendar:updateEvent', (s) => ({ id: s.eventId, occurrenceKey: '2026-11-26T09:00:00', scope: 'following', patch: { title: 'Standup (new room)' } })],
  ['calendar:deleteEvent', (s) => ({ id: s.eventId, occurrenceKey: '2026-11-25T09:00:00', scope: 'this' })],
  ['calendar:search', () => ({ query: 'standup' })],
  [
    'calendar:createTask',
    (s) => ({ calendarId: s.calendarId, title: 'File taxes', due: { kind: 'date', date: '2026-11-30' } }),
    (out: { id: string }, s) => (s.taskId = out.id),
  ],
  ['calendar:updateTask', (s) => ({ id: s.taskId, completed: true })],
  ['calendar:listTasks', () => ({ includeCompleted: true })],
  ['calendar:deleteTask', (s) => ({ id: s.taskId })],
  ['calendar:importPreview', (s) => ({ blobId: s.icsBlob, calendarId: s.calendarId }), (out: { previewId: string }, s) => (s.calPreviewId = out.previewId)],
  ['calendar:importCommit', (s) => ({ previewId: s.calPreviewId })],
  ['calendar:export', () => ({})],
  ['calendar:reminders', () => ({})],
  ['calendar:caldavAccounts', () => ({})],
  ['calendar:conflicts', () => ({})],
  ['calendar:deleteCalendar', (s) => ({ id: s.calendarId })],
  ['goals:createPdp', () => ({ title: 'Plan 2027', vision: 'Speak Spanish', domains: ['learning'] }), (out: { id: string }, s) => (s.pdpId = out.id)],
  ['goals:updatePdp', (s) => ({ id: s.pdpId, reflection: 'Going well' })],
  ['goals:listPdps', () => ({})],
  ['goals:createGoal', (s) => ({ pdpId: s.pdpId, title: 'Learn Spanish', domain: 'learning' }), (out: { id: string }, s) => (s.goalId = out.id)],
  ['goals:updateGoal', (s) => ({ id: s.goalId, targetDate: '2027-06-30' })],
  ['goals:createKeyResult', (s) => ({ goalId: s.goalId, title: 'Lessons', targetValue: 50, unit: 'lessons' }), (out: { id: string }, s) => (s.krId = out.id)],
  ['goals:updateKeyResult', (s) => ({ id: s.krId, currentValue: 10, note: 'first ten' })],
  ['goals:logProgress', (s) => ({ goalId: s.goalId, note: 'On track' })],
  ['goals:addEvidence', (s) => ({ goalId: s.goalId, kind: 'note', title: 'Certificate A1' }), (out: { id: string }, s) => (s.evidenceId = out.id)],
  ['goals:removeEvidence', (s) => ({ id: s.evidenceId })],
  ['goals:listGoals', () => ({})],
  ['goals:getGoal', (s) => ({ id: s.goalId })],
  ['goals:createProject', () => ({ name: 'Home' }), (out: { id: string }, s) => (s.taskProjectId = out.id)],
  ['goals:updateProject', (s) => ({ id: s.taskProjectId, color: 'green' })],
  ['goals:listProjects', () => ({})],
  [
    'goals:createTask',
    (s) => ({ title: 'Lesson', goalId: s.goalId, projectId: s.taskProjectId, dueDate: '2026-11-20', rrule: 'FREQ=WEEKLY', tags: ['es'] }),
    (out: { id: string }, s) => (s.goalTaskId = out.id),
  ],
  ['goals:createTask', (s) => ({ title: 'Vocabulary', parentId: s.goalTaskId })],
  ['goals:updateTask', (s) => ({ id: s.goalTaskId, priority: 2 })],
  ['goals:completeTask', (s) => ({ id: s.goalTaskId })],
  ['goals:uncompleteTask', (s) => ({ id: s.goalTaskId })],
  ['goals:getTask', (s) => ({ id: s.goalTaskId })],
  ['goals:today', () => ({})],
  ['goals:upcoming', () => ({})],
  ['goals:listTasks', () => ({ filter: { text: 'lesson' } })],
  ['goals:logbook', () => ({})],
  ['goals:saveFilter', () => ({ name: 'Urgent', filter: { priorities: [1, 2] } }), (out: { id: string }, s) => (s.filterId = out.id)],
  ['goals:listFilters', () => ({})],
  ['goals:deleteFilter', (s) => ({ id: s.filterId })],
  ['goals:createHabit', (s) => ({ title: 'Read', goalId: s.goalId, target: 20, unit: 'pages' }), (out: { id: string }, s) => (s.habitId = out.id)],
  ['goals:updateHabit', (s) => ({ id: s.habitId, color: 'blue' })],
  ['goals:checkIn', (s) => ({ habitId: s.habitId, value: 20 })],
  ['goals:listHabits', () => ({})],
  ['goals:habitHistory', (s) => ({ habitId: s.habitId, from: '2026-11-01', to: '2026-11-30' })],
  ['goals:dashboard', () => ({})],
  ['goals:weeklyReview', () => ({})],
  ['goals:overlay', () => ({ from: '2026-11-01', to: '2026-12-31' })],
  ['goals:importPreview', (s) => ({ blobId: s.todoistBlob, fileName: 'Home.csv' }), (out: { previewId: string }, s) => (s.goalsPreviewId = out.previewId)],
  ['goals:importCommit', (s) => ({ previewId: s.goalsPreviewId })],
  ['goals:export', () => ({ format: 'json' })],
  ['goals:report', (s) => ({ pdpId: s.pdpId })],
  ['goals:deleteHabit', (s) => ({ id: s.habitId })],
  ['goals:deleteTask', (s) => ({ id: s.goalTaskId })],
  ['goals:deleteKeyResult', (s) => ({ id: s.krId })],
  ['goals:deleteProject', (s) => ({ id: s.taskProjectId })],
  ['goals:deleteGoal', (s) => ({ id: s.goalId })],
  ['goals:deletePdp', (s) => ({ id: s.pdpId })],
  ['email:importPreview', (s) => ({ source: { kind: 'upload', files: [{ path: 'Inbox.mbox', blobId: s.mboxBlob }] } })],
  ['email:importStart', (s) => ({ source: { kind: 'upload', files: [{ path: 'Inbox.mbox', blobId: s.mboxBlob }] }, wait: true })],
  ['email:importRuns', () => ({})],
  ['email:folders', () => ({})],
  ['email:labels', () => ({})],
  [
    'email:list',
    () => ({}),
    (out: { messages: { id: string; attachmentCount: number }[] }, s) => (s.mailId = out.messages.find((m) => m.attachmentCount > 0)?.id ?? ''),
  ],
  ['email:get', (s) => ({ id: s.mailId })],
  ['email:thread', (s) => ({ id: s.mailId })],
  ['email:search', () => ({ query: 'invoice has:attachment' })],
  ['email:attachment', (s) => ({ id: s.mailId, part: '2' })],
  ['email:signups', () => ({ domains: ['shop.example'] })],
  ['email:export', () => ({ format: 'mbox' })],
  ['email:pdf', (s) => ({ id: s.mailId })],
  ['email:verify', () => ({})],
  ['batches:traceLot', () => ({ lot: 'R-1' })],
  ['batches:findByScan', () => ({ text: 'R-1' })],
  ['batches:getSettings', () => ({})],
  ['batches:setSettings', () => ({ shopName: 'Corner shop' })],
  ['batches:importCsv', () => ({ csv, dryRun: true })],
  ['batches:importCsv', () => ({ csv, dryRun: false })],
  ['batches:exportCsv', () => ({})],
  ['batches:delete', (s) => ({ id: s.batchId })],
  ['batches:deleteProduct', (s) => ({ id: s.productId })],
];

/** Operations this test does not run through the scenario, and why (each is covered where named). */
const notInScenario: Record<string, string> = {
  'profile:create': 'run once to open the profile; writes keyring files, not the database',
  'profile:unlock': 'opens the database; writes nothing to it',
  'profile:rename': 'writes profile.json only (profile.service.test.ts)',
  'profile:delete': 'removes the profile folder (profile.service.test.ts)',
  'profile:changePassword': 'rewrites keyring.json only (profile.service.test.ts)',
  'profile:regenerateRecoveryKey': 'rewrites keyring.json only (profile.service.test.ts)',
  'session:lock': 'closes the database',
  'jobs:cancel': 'needs a running job (platform/jobs tests cancel one and check nothing was written)',
  'batches:customerPage': 'a read; needs the built customer page script (customer-page tests)',
  'calendar:snoozeReminder': 'needs a reminder that fired (calendar-reminders.test.ts snoozes and dismisses one)',
  'calendar:dismissReminder': 'needs a reminder that fired (calendar-reminders.test.ts)',
  'calendar:subscribe': 'needs an HTTP server with a feed (calendar-remote.test.ts)',
  'calendar:refresh': 'needs an HTTP server with a feed (calendar-remote.test.ts)',
  'calendar:addCaldavAccount': 'needs a CalDAV server (caldav.test.ts runs one: Radicale)',
  'calendar:removeCaldavAccount': 'needs a CalDAV account (caldav.test.ts)',
  'calendar:syncCaldav': 'needs a CalDAV server (caldav.test.ts)',
  'calendar:resolveConflict': 'needs a sync conflict (caldav.test.ts)',
  'goals:saveReview': 'writes a journal entry through the journal module (goals-analytics.test.ts saves one)',
  'email:importPause': 'needs an import in progress (email-import-runs.test.ts pauses, resumes and cancels one)',
  'email:importResume': 'needs a paused import (email-import-runs.test.ts)',
  'email:importCancel': 'needs an import in progress (email-import-runs.test.ts)',
  'email:accountAdd': 'needs an IMAP server (email-imap.test.ts runs Dovecot)',
  'email:accountList': 'needs an IMAP account (email-imap.test.ts)',
  'email:accountRemove': 'needs an IMAP account (email-imap.test.ts)',
  'email:accountFolders': 'needs an IMAP server (email-imap.test.ts)',
  'email:accountSync': 'needs an IMAP server (email-imap.test.ts)',
  'email:attachmentToFiles': 'writes through the files module (email-read.test.ts checks the file)',
  'email:eventFromInvite': 'writes through the calendar module (email-read.test.ts checks the event)',
  'email:taskFromMessage': 'writes through the goals module (email-read.test.ts checks the task)',
  'batches:customerSite': 'needs the built customer page script; stores its zip like printLabels stores a PDF (customer-page tests)',
  'backup:settings': 'backups write no rows except their settings (backup.test.ts reads and sets them)',
  'backup:configure': 'writes backup settings rows only (backup.test.ts)',
  'backup:pickFolder': 'the Electron folder dialog; null elsewhere, writes nothing',
  'backup:run': 'writes files into the backup folder and the lastBackupAt setting (backup.test.ts, backup-crash.test.ts)',
  'backup:list': 'reads backup file headers only (backup.test.ts)',
  'backup:verify': 'reads a backup file only (backup.test.ts)',
  'backup:restore': 'makes a new profile folder, never rows in the open one (backup.test.ts, backup-migrate.test.ts)',
  'sync:status': 'a read (sync.module.test.ts)',
  'sync:signUp': 'needs a sync server on PostgreSQL; writes sync settings rows only (sync.module.test.ts)',
  'sync:signIn': 'needs a sync server (sync.module.test.ts)',
  'sync:join': 'needs a sync server; makes a new profile folder, never rows in the open one (sync.module.test.ts)',
  'sync:syncNow': 'needs a sync server; applies remote rows through the write path (sync.module.test.ts, src-main/sync/convergence.test.ts)',
  'sync:devices': 'needs a sync server; a read (sync.module.test.ts)',
  'sync:revokeDevice': 'needs a sync server; writes nothing locally (sync.module.test.ts)',
  'sync:signOut': 'writes sync settings rows only (sync.module.test.ts)',
  'sync:conflicts': 'a read of sync_history (sync.module.test.ts)',
  'sync:setBackground': 'writes one sync setting (sync.module.test.ts)',
  'sync:collections': 'needs a sync server; writes sync_state only, which is not logged (src-main/sync/collections.test.ts)',
  'sync:shareBatches': 'needs a sync server; re-queues rows into sync_outbox, which is not logged (src-main/sync/collections.test.ts)',
  'sync:fingerprint': 'a read of sync_state: the sealed identity key (sync-sharing.cli.test.ts)',
  'sync:memberKey': 'needs a sync server; a read (src-main/sync/collections.test.ts, sync-sharing.cli.test.ts)',
  'sync:invite': 'needs a sync server and a second account (src-main/sync/collections.test.ts)',
  'sync:removeMember': 'needs a sync server and a member; writes sync_state and sync_outbox only (src-main/sync/collections.test.ts)',
};

describe('change log: every write appends exactly the rows it changed', () => {
  it('holds for every operation of every module, with one HLC version per write', async () => {
    const core = testCore(undefined, { now: () => Date.parse('2026-11-20T10:00:00Z'), systemTimeZone: () => 'Europe/London' });
    await core.client.profile.create({ name: 'Log', password: PASSWORD });

    const channels = core.modules.flatMap((m) => Object.keys(m.contract.ops).map((op) => channelOf(m.contract.name, op)));
    const covered = new Set([...steps.map(([c]) => c), ...Object.keys(notInScenario)]);
    expect(
      channels.filter((c) => !covered.has(c)),
      'operations missing from this test',
    ).toEqual([]);

    const device = (core.profiles.current().sqlite.prepare('SELECT device_id FROM write_context').get() as { device_id: string }).device_id;
    const state: State = {
      ...{ blobId: '', itemId: '', productId: '', batchId: '', movementId: '', importId: '', trashedId: '', qr: '' },
      ...{ journalId: '', entryId: '', versionId: '', templateId: '', attachmentId: '', previewId: '', pngBlob: '', mdBlob: '' },
      ...{ fileFolderId: '', fileId: '', fileVersionId: '', fileLinkId: '' },
      ...{ calendarId: '', eventId: '', taskId: '', calPreviewId: '', icsBlob: '' },
      ...{ pdpId: '', goalId: '', krId: '', goalTaskId: '', taskProjectId: '', filterId: '', habitId: '', evidenceId: '', goalsPreviewId: '', todoistBlob: '' },
      ...{ mboxBlob: '', mailId: '' },
    };
    // Files a person would upload before attaching or importing them (an upload ticket, then the bytes).
    const upload = async (bytes: Buffer) =>
      (await core.blobs().upload((await core.client.blobs.uploadTicket({ maxBytes: 1 << 20 })).ticket, Readable.from([bytes]))).id;
    state.pngBlob = await upload(await QRCode.toBuffer('tile', { type: 'png' }));
    state.mdBlob = await upload(Buffer.from('---\ntitle: Walk\ncreated: 2026-11-01\ntags: [outside]\n---\nBy the river. #evening\n'));
    state.icsBlob = await upload(
      Buffer.from(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x-1@example.org\r\nDTSTART;VALUE=DATE:20261201\r\nSUMMARY:Imported\r\nX-KEEP:me\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    );
    state.todoistBlob = await upload(
      Buffer.from('TYPE,CONTENT,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\r\ntask,Buy milk @shop,1,1,,,,en,UTC\r\n'),
    );
    state.mboxBlob = await upload(
      Buffer.from(
        [
          'From shop@shop.example Mon Nov 16 09:00:00 2026',
          'From: Shop <orders@shop.example>',
          'To: me@example.org',
          'Subject: Your invoice',
          'Message-ID: <invoice-1@shop.example>',
          'Date: Mon, 16 Nov 2026 09:00:00 +0000',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Thanks for your order. The invoice is attached.',
          '--b1',
          'Content-Type: text/plain; name="invoice.txt"',
          'Content-Disposition: attachment; filename="invoice.txt"',
          '',
          'Total: 12.50',
          '--b1--',
          '',
          'From shop@shop.example Tue Nov 17 09:00:00 2026',
          'From: Shop <welcome@shop.example>',
          'To: me@example.org',
          'Subject: Welcome, please confirm your account',
          'Message-ID: <welcome-1@shop.example>',
          'Date: Tue, 17 Nov 2026 09:00:00 +0000',
          '',
          'Confirm your account.',
          '',
        ].join('\n'),
      ),
    );
    state.qr = (await QRCode.toBuffer('otpauth://totp/Mail:me?secret=JBSWY3DPEHPK3PXP&issuer=Mail', { type: 'png' })).toString('base64');
    let lastHlc = '';
    const writes: string[] = [];

    for (const [channel, input, keep] of steps) {
      const before = snapshot(core);
      const seq = lastSeq(core);
      const out = await core.call(channel, input(state));
      keep?.(out as never, state);
      const logged = logSince(core, seq);
      expect(folded(logged), `${channel}: logged rows = changed rows`).toEqual(diff(before, snapshot(core)));
      for (const l of logged) {
        expect(l.device_id).toBe(device);
        // The module that wrote: the operation's own, or the file store's for the files it keeps for it.
        // (an owner's refs are written inside the owner's own write, so blob_refs may carry either name).
        expect(l.table_name.startsWith('blob') ? ['blobs', channel.split(':')[0]] : [channel.split(':')[0]]).toContain(l.domain);
        expect(parseHlc(l.hlc)?.device).toBe(device);
        expect(l.hlc >= lastHlc, `${channel}: versions only grow`).toBe(true);
        lastHlc = l.hlc;
      }
      if (logged.length > 0) writes.push(channel);
    }
    // The scenario really wrote through every kind of write (a broken snapshot would make the test vacuous).
    expect(writes).toEqual(
      expect.arrayContaining([
        'settings:set',
        'vault:create',
        'vault:update',
        'vault:purge',
        'vault:importCommit',
        'batches:printLabels',
        'batches:importCsv',
        'batches:undoMovement',
        'journal:update',
        'journal:attach',
        'journal:importCommit',
        'files:add',
        'files:replace',
        'files:trashFolder',
        'files:purge',
        'goals:completeTask',
        'goals:checkIn',
        'goals:importCommit',
        'email:importStart',
      ]),
    );
  }, 120_000);

  it('refuses a write to a logged table outside the write path, and keeps nothing of it', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'Raw', password: PASSWORD });
    const { sqlite } = core.profiles.current();
    expect(() => sqlite.prepare(`INSERT INTO settings (key, value, created_at, updated_at) VALUES ('core.theme', '"dark"', 'x', 'x')`).run()).toThrow(
      /HEARTH_WRITE_OUTSIDE_WRITE_PATH/,
    );
    expect(sqlite.prepare(`SELECT count(*) AS n FROM settings`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM change_log`).get()).toEqual({ n: 0 });
  });

  it('collapses several changes of one row in one write into one log row', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'Merge', password: PASSWORD });
    const ctx = core.domainContext('vault');
    const { sqlite } = core.profiles.current();
    const now = new Date().toISOString();
    const row = {
      id: '01JD0000000000000000000000',
      type: 'note' as const,
      title: 'a',
      notes: '',
      created_at: now,
      updated_at: now,
      subtitle: '',
      folder: '',
      tags: '[]',
      favorite: 0,
      reprompt: 0,
      public_data: '{}',
      secrets: '{}',
      has_totp: 0,
      password_changed_at: null,
      last_used_at: null,
      deleted_at: null,
      purged_at: null,
    };
    await ctx.write(async (trx) => {
      await trx.insertInto('vault_items').values(row).execute();
      await trx.updateTable('vault_items').set({ title: 'b' }).where('id', '=', row.id).execute();
    });
    await ctx.write(async (trx) => {
      await trx.updateTable('vault_items').set({ title: 'c' }).where('id', '=', row.id).execute();
      await trx.deleteFrom('vault_items').where('id', '=', row.id).execute();
    });
    expect(sqlite.prepare('SELECT op FROM change_log ORDER BY seq').all()).toEqual([{ op: 'insert' }, { op: 'delete' }]);
  });
});
