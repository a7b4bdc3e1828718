import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupGoals, type GoalsSetup } from './goals.test-helpers';

/**
 * The plan report as a reader gets it: generated through the typed client on a real encrypted profile, read back from
 * the encrypted store, then checked with poppler (pdftotext for the words, pdftoppm for one picture per page).
 */
let s: GoalsSetup;
let dir: string;

beforeEach(async () => {
  s = await setupGoals({ nowMs: Date.parse('2026-03-15T09:00:00Z') });
  dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-goals-report-'));
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(blobId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await s.core.blobs().store.open(blobId)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function seedPlan() {
  const g = s.goals;
  s.setNow('2026-01-05T09:00:00Z');
  const plan = await g.createPdp({
    title: 'Ünïcödé plan 2026',
    vision: 'Speak Spanish with ease and run without pain. Мета: жить здоровее.',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    domains: ['learning', 'health'],
    reflection: 'January was slow; February found a rhythm.',
  });
  const spanish = await g.createGoal({ pdpId: plan.id, title: 'Learn Spanish', why: 'Family in Valencia', domain: 'learning' });
  const words = await g.createKeyResult({ goalId: spanish.id, title: 'Vocabulary', startValue: 0, targetValue: 2000, unit: 'words' });
  await g.createKeyResult({ goalId: spanish.id, title: 'Pass DELE B1', kind: 'milestone', dueDate: '2026-11-20' });
  const tutor = await g.createTask({ title: 'Book a tutor', goalId: spanish.id });
  const run = await g.createGoal({ pdpId: plan.id, title: 'Мета: пробежать марафон', domain: 'health' });
  const km = await g.createKeyResult({ goalId: run.id, title: 'Weekly km', startValue: 10, targetValue: 40, unit: 'km' });
  s.setNow('2026-02-01T09:00:00Z');
  await g.updateKeyResult({ id: words.id, currentValue: 500, note: 'Duolingo streak' });
  await g.updateKeyResult({ id: km.id, currentValue: 18 });
  await g.completeTask({ id: tutor.id });
  await g.logProgress({ goalId: spanish.id, note: 'Tutor twice a week now' });
  s.setNow('2026-03-01T09:00:00Z');
  await g.updateKeyResult({ id: words.id, currentValue: 1234 });
  await g.updateKeyResult({ id: km.id, currentValue: 25 });
  s.setNow('2026-03-15T09:00:00Z');
  return plan;
}

describe('plan report (PDF)', () => {
  it('prints the plan, each goal, key results, tasks and reflections, in Unicode, with page numbers', async () => {
    const plan = await seedPlan();
    const r = await s.goals.report({ pdpId: plan.id });
    expect(r.name).toBe('Ünïcödé plan 2026 report.pdf');
    expect(r.rows).toBe(2);
    // A title page and one section per goal.
    expect(r.pages).toBeGreaterThanOrEqual(3);

    const bytes = await download(r.blobId);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const words of [
      'Ünïcödé plan 2026',
      '1 Jan 2026 – 31 Dec 2026',
      'Мета: жить здоровее.',
      'Learn Spanish',
      'Мета: пробежать марафон',
      'Vocabulary',
      '0 → 1234 of 2000 words',
      'Pass DELE B1',
      'Milestone · due 20 Nov 2026 · not reached yet',
      '10 → 25 of 40 km',
      'Book a tutor',
      'Tutor twice a week now',
      'January was slow',
      'Family in Valencia',
    ]) {
      expect(text).toContain(words);
    }
    // Page numbers at the foot ("n / N"; the layout mode may close up the spaces).
    expect(text).toMatch(new RegExp(`(^|\\s)1 ?/ ?${r.pages}(\\s|$)`));
    expect(text).toMatch(new RegExp(`(^|\\s)${r.pages} ?/ ?${r.pages}(\\s|$)`));
    // The progress formula is printed with each goal.
    expect(text).toMatch(/Progress: mean of .*key result/);

    execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(r.pages);
  });

  it('refuses a plan that does not exist', async () => {
    await expect(s.goals.report({ pdpId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
