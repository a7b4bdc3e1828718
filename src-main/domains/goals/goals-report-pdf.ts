import { PDFDocument } from 'pdf-lib';
import { lineChart, progressBar, type ChartPoint } from './goals-report-draw';
import { embedReportFonts, GREY, ReportFlow } from './goals-report-flow';

/** What the report prints: the plan, then each goal with its key results, recent completed tasks and reflections. */
export interface ReportPlan {
  title: string;
  vision: string;
  periodStart: string | null;
  periodEnd: string | null;
  domains: readonly string[];
  reflection: string;
  progress: number;
}
export interface ReportKeyResult {
  title: string;
  kind: 'numeric' | 'milestone';
  startValue: number;
  targetValue: number;
  currentValue: number;
  unit: string;
  dueDate: string | null;
  doneAt: string | null;
  progress: number;
  history: readonly ChartPoint[];
}
export interface ReportGoal {
  title: string;
  domain: string;
  why: string;
  status: string;
  targetDate: string | null;
  progress: number;
  formula: string;
  keyResults: readonly ReportKeyResult[];
  completedTasks: readonly { title: string; at: string }[];
  reflections: readonly { at: string; progress: number; note: string }[];
  evidence: readonly { kind: string; title: string }[];
}
export interface ReportData {
  plan: ReportPlan;
  goals: readonly ReportGoal[];
  /** The day the report was made (local). */
  madeOn: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "9 Mar 2026", the same under any locale. */
export const longDate = (date: string): string => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
const num = (x: number): string => String(Math.round(x * 100) / 100);
const STATUS: Record<string, string> = { active: 'Active', on_hold: 'On hold', completed: 'Completed', dropped: 'Dropped' };

function period(plan: ReportPlan): string {
  if (plan.periodStart && plan.periodEnd) return `${longDate(plan.periodStart)} – ${longDate(plan.periodEnd)}`;
  if (plan.periodStart) return `From ${longDate(plan.periodStart)}`;
  if (plan.periodEnd) return `Until ${longDate(plan.periodEnd)}`;
  return 'No set period';
}

function keyResultLine(kr: ReportKeyResult): string {
  const unit = kr.unit ? ` ${kr.unit}` : '';
  if (kr.kind === 'milestone') {
    const due = kr.dueDate ? `due ${longDate(kr.dueDate)}` : 'no due date';
    return `Milestone · ${due} · ${kr.doneAt ? `reached on ${longDate(kr.doneAt.slice(0, 10))}` : 'not reached yet'}`;
  }
  return `${num(kr.startValue)} → ${num(kr.currentValue)} of ${num(kr.targetValue)}${unit} · ${num(kr.progress)} %`;
}

function goalSection(flow: ReportFlow, g: ReportGoal): void {
  flow.pageBreak();
  flow.text(g.title, { bold: true, size: 18 });
  const facts = [g.domain, STATUS[g.status] ?? g.status, g.targetDate ? `target ${longDate(g.targetDate)}` : ''].filter(Boolean);
  flow.text(facts.join(' · '), { size: 9.5, color: GREY });
  if (g.why.trim()) {
    flow.space(4);
    flow.text(g.why);
  }
  flow.space(6);
  flow.box(10, (page, x, y) => progressBar(page, x, y, flow.width, g.progress, flow.fonts.regular));
  flow.text(`Progress: ${g.formula}`, { size: 8.5, color: GREY });

  flow.heading(`Key results (${g.keyResults.length})`, 12.5);
  if (g.keyResults.length === 0) flow.text('No key results.', { color: GREY });
  for (const kr of g.keyResults) {
    flow.text(kr.title, { bold: true, keepWithNext: kr.kind === 'numeric' ? 90 : 14 });
    flow.text(keyResultLine(kr), { size: 9.5, color: GREY });
    if (kr.kind === 'numeric') {
      flow.box(72, (page, x, y) => lineChart(page, { x, y, width: Math.min(320, flow.width), height: 72 }, kr.history, kr.targetValue, flow.fonts.regular));
    }
    flow.space(6);
  }

  flow.heading('Completed tasks', 12.5);
  if (g.completedTasks.length === 0) flow.text('None yet.', { color: GREY });
  for (const t of g.completedTasks) flow.text(`✓ ${t.title} — ${longDate(t.at.slice(0, 10))}`, { indent: 6 });

  if (g.reflections.length || g.evidence.length) flow.heading('Reflections and evidence', 12.5);
  for (const r of g.reflections) flow.text(`${longDate(r.at.slice(0, 10))} · ${num(r.progress)} %: ${r.note}`, { indent: 6 });
  for (const e of g.evidence) flow.text(`${e.kind === 'journal' ? 'Journal entry' : e.kind === 'file' ? 'File' : 'Note'}: ${e.title}`, { indent: 6 });
}

/** The report as PDF bytes and its page count. */
export async function renderReport(data: ReportData): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  doc.setTitle(data.plan.title);
  doc.setCreator('Hearth');
  doc.setProducer('Hearth (pdf-lib)');
  // A fixed date keeps the bytes of a report a function of its data (tests, re-exports).
  const made = new Date(`${data.madeOn}T00:00:00Z`);
  doc.setCreationDate(made);
  doc.setModificationDate(made);
  const flow = new ReportFlow(doc, await embedReportFonts(doc));

  flow.space(80);
  flow.text('Personal development plan', { size: 11, color: GREY });
  flow.text(data.plan.title, { bold: true, size: 26 });
  flow.space(4);
  flow.text(period(data.plan), { size: 12 });
  if (data.plan.domains.length) flow.text(`Domains: ${data.plan.domains.join(', ')}`, { size: 10.5, color: GREY });
  flow.text(`Report of ${longDate(data.madeOn)} · ${data.goals.length} goal${data.goals.length === 1 ? '' : 's'}`, { size: 10.5, color: GREY });
  flow.space(10);
  flow.text('Overall progress (mean of its active and completed goals)', { size: 9.5, color: GREY });
  flow.box(10, (page, x, y) => progressBar(page, x, y, flow.width, data.plan.progress, flow.fonts.regular));
  if (data.plan.vision.trim()) {
    flow.heading('Vision', 14);
    for (const para of data.plan.vision.split(/\n{2,}/)) flow.text(para);
  }
  flow.heading('Goals', 14);
  if (data.goals.length === 0) flow.text('This plan has no goals yet.', { color: GREY });
  for (const g of data.goals) {
    flow.text(`${g.title} — ${STATUS[g.status] ?? g.status}`, { keepWithNext: 14 });
    flow.box(10, (page, x, y) => progressBar(page, x + 6, y, flow.width - 6, g.progress, flow.fonts.regular));
    flow.space(3);
  }

  for (const g of data.goals) goalSection(flow, g);
  if (data.plan.reflection.trim()) {
    flow.heading('Reflection on the plan', 14);
    for (const para of data.plan.reflection.split(/\n{2,}/)) flow.text(para);
  }
  flow.footer(data.plan.title);
  const bytes = await doc.save();
  return { bytes, pages: doc.getPageCount() };
}
