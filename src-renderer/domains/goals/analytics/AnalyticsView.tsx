import { useMemo, useState, type ReactNode } from 'react';
import type { Dashboard } from '../../../../src-shared/domains/goals/goals.schemas';
import { cx } from '../../../ui/cx';
import { UChart, type ChartSeries } from '../charts/UChart';
import { goalsApi } from '../plans/goals-api';
import { fmtNum, Loadable, selectClass } from '../plans/goals-ui';
import { localToday } from '../plans/today';
import { useGoalsQuery } from '../plans/useGoalsQuery';
import { align, chartCsv, csvName, RANGES, rangeInput, type Bucket, type ChartKey, type RangeKey } from './analytics-data';
import { ChartCard } from './ChartCard';

const PCT: [number, number] = [0, 100];

/** The analytics dashboard: totals, then one chart per question, each with its data as CSV. */
export function AnalyticsView() {
  const [range, setRange] = useState<RangeKey>('90d');
  const [bucket, setBucket] = useState<Bucket | null>(null);
  const [today] = useState(localToday);
  const input = rangeInput(range, today, bucket ?? undefined);
  const query = useGoalsQuery(() => goalsApi.dashboard(input), `${input.from}/${input.to}/${input.bucket}`);

  return (
    <div className="flex h-full min-h-0 min-w-0 flex-col overflow-y-auto" data-testid="analytics-view">
      <div className="flex flex-wrap items-center gap-2 p-4 pb-0">
        <div role="group" aria-label="Range" className="flex rounded-md border border-line-strong">
          {(Object.keys(RANGES) as RangeKey[]).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={range === k}
              onClick={() => {
                setRange(k);
                setBucket(null);
              }}
              className={cx('h-7 px-2.5 text-xs first:rounded-l-md last:rounded-r-md', range === k ? 'bg-accent text-on-accent' : 'text-muted hover:bg-hover')}
              data-testid={`analytics-range-${k}`}
            >
              {RANGES[k].label}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-1.5 text-[12px] text-muted">
          by
          <select className={selectClass} value={input.bucket} onChange={(e) => setBucket(e.target.value as Bucket)} data-testid="analytics-bucket">
            <option value="day">day</option>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
      </div>
      <Loadable {...query} what="the dashboard">
        {(d) => <DashboardBody d={d} />}
      </Loadable>
    </div>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const charts = useMemo(() => buildCharts(d), [d]);
  const card = (key: ChartKey, title: string, testId: string, body: ReactNode) => (
    <ChartCard key={key} title={title} csv={() => chartCsv[key](d)} fileName={csvName(key, d)} testId={testId}>
      {body}
    </ChartCard>
  );
  return (
    <div className="flex min-w-0 flex-col gap-3 p-4">
      <Totals d={d} />
      <div className="grid min-w-0 grid-cols-1 gap-3 lg:grid-cols-2">
        {card('completed', 'Completed', 'chart-completed', <UChart {...charts.completed} label="Tasks completed per period" />)}
        {card('createdVsCompleted', 'Created vs completed', 'chart-created', <UChart {...charts.created} label="Tasks created and completed per period" />)}
        {card('overdue', 'Overdue', 'chart-overdue', <UChart {...charts.overdue} label="Open tasks past their due date" />)}
        {card(
          'goalProgress',
          'Goal progress',
          'chart-goals',
          d.goalProgress.length ? <UChart {...charts.goals} yRange={PCT} label="Progress of each goal over time" /> : <Empty what="goals" />,
        )}
        {card('habitConsistency', 'Habit consistency', 'chart-habits', <HabitBars d={d} />)}
        {card(
          'productivity',
          'Productivity score',
          'chart-productivity',
          <>
            <p className="flex items-baseline gap-2">
              <span className="text-2xl font-semibold text-text tabular-nums" data-testid="productivity-score">
                {fmtNum(Math.round(d.productivity.score * 10) / 10)}
              </span>
              <span className="text-[12px] text-muted" data-testid="productivity-formula">
                {d.productivity.formula}
              </span>
            </p>
            <UChart {...charts.productivity} height={140} label="Productivity score over time" />
          </>,
        )}
      </div>
    </div>
  );
}

/** Each chart's x axis and series, built once per dashboard (the chart rebuilds when these change). */
function buildCharts(d: Dashboard) {
  const one = (points: Dashboard['completed'], s: Omit<ChartSeries, 'values'>) => ({
    dates: points.map((p) => p.date),
    series: [{ ...s, values: points.map((p) => p.value) }],
  });
  const cc = align([d.created, d.completed]);
  const gp = align(d.goalProgress.map((g) => g.points));
  return {
    completed: one(d.completed, { label: 'Completed', kind: 'bars', tone: 'success' }),
    created: {
      dates: cc.dates,
      series: [
        { label: 'Created', values: cc.values[0]!, tone: 'muted' },
        { label: 'Completed', values: cc.values[1]!, tone: 'success' },
      ] satisfies ChartSeries[],
    },
    overdue: one(d.overdue, { label: 'Overdue', tone: 'danger' }),
    goals: { dates: gp.dates, series: d.goalProgress.map((g, i) => ({ label: g.title, values: gp.values[i]! })) },
    productivity: one(d.productivity.points, { label: 'Score', tone: 'accent' }),
  };
}

function Totals({ d }: { d: Dashboard }) {
  const tiles: [string, string, string][] = [
    ['Open', String(d.totals.open), 'open'],
    ['Overdue', String(d.totals.overdue), 'overdue'],
    ['Completed in range', String(d.totals.completedInRange), 'completed'],
    ['Active goals', String(d.totals.activeGoals), 'goals'],
    ['Completion rate', `${Math.round(d.completionRate * 100)} %`, 'rate'],
    ['Median days to complete', d.medianDaysToComplete === null ? '—' : fmtNum(Math.round(d.medianDaysToComplete * 10) / 10), 'median'],
  ];
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(120px,1fr))] gap-2" data-testid="analytics-totals">
      {tiles.map(([label, value, id]) => (
        <div key={id} className="rounded-lg border border-line bg-surface px-3 py-2">
          <dt className="text-[11px] text-muted">{label}</dt>
          <dd className="text-lg font-semibold text-text tabular-nums" data-testid={`total-${id}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function HabitBars({ d }: { d: Dashboard }) {
  if (d.habitConsistency.length === 0) return <Empty what="habits" />;
  return (
    <ul className="flex flex-col gap-1.5" aria-label="Share of due days each habit met its target">
      {d.habitConsistency.map((h) => {
        const pct = Math.round(h.consistency * 100);
        return (
          <li key={h.habitId} className="grid grid-cols-[minmax(0,8rem)_1fr_3rem] items-center gap-2 text-[12px]" data-testid="habit-consistency">
            <span className="truncate text-text" title={h.title}>
              {h.title}
            </span>
            <span className="h-3 overflow-hidden rounded bg-subtle">
              <span className="block h-full rounded bg-success" style={{ width: `${pct}%` }} />
            </span>
            <span className="text-right text-muted tabular-nums">{`${pct} %`}</span>
          </li>
        );
      })}
    </ul>
  );
}

const Empty = ({ what }: { what: string }) => <p className="py-6 text-center text-[12px] text-faint">{`No ${what} in this range.`}</p>;
