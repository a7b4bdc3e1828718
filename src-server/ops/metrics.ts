/**
 * A small Prometheus registry (text exposition format 0.0.4) for /metrics: request counts and latency histograms
 * by route, and counters the routes bump. Labels are route patterns, methods and status codes only — metadata,
 * never ids, emails or payloads. Written here instead of adding prom-client: we need two metric types.
 */
export interface Metrics {
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  inc(name: CounterName, by?: number): void;
  /** The exposition text, with gauges read at scrape time appended. */
  render(gauges: Record<string, { help: string; value: number }>): string;
}

export type CounterName =
  'hearth_changes_stored_total' | 'hearth_changes_duplicate_total' | 'hearth_changes_purged_total' | 'hearth_blobs_stored_total' | 'hearth_logins_failed_total';

const COUNTER_HELP: Record<CounterName, string> = {
  hearth_changes_stored_total: 'Changes stored by pushes',
  hearth_changes_duplicate_total: 'Replayed changes that were already stored',
  hearth_changes_purged_total: 'Changes removed by tombstone purges',
  hearth_blobs_stored_total: 'Blob uploads stored',
  hearth_logins_failed_total: 'Failed sign-ins and password checks',
};

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Creates an empty registry. */
export function createMetrics(): Metrics {
  const requests = new Map<string, number>();
  const latency = new Map<string, Histogram>();
  const counters = new Map<CounterName, number>();
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return {
    observeRequest(method, route, status, seconds) {
      const reqKey = `method="${esc(method)}",route="${esc(route)}",status="${status}"`;
      requests.set(reqKey, (requests.get(reqKey) ?? 0) + 1);
      const latKey = `method="${esc(method)}",route="${esc(route)}"`;
      let h = latency.get(latKey);
      if (!h) latency.set(latKey, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
      BUCKETS.forEach((b, i) => {
        if (seconds <= b) h.counts[i] = (h.counts[i] ?? 0) + 1;
      });
      h.sum += seconds;
      h.count += 1;
    },
    inc(name, by = 1) {
      counters.set(name, (counters.get(name) ?? 0) + by);
    },
    render(gauges) {
      const out: string[] = [];
      out.push('# HELP hearth_http_requests_total HTTP requests by route and status', '# TYPE hearth_http_requests_total counter');
      for (const [k, v] of requests) out.push(`hearth_http_requests_total{${k}} ${v}`);
      out.push('# HELP hearth_http_request_duration_seconds HTTP request latency by route', '# TYPE hearth_http_request_duration_seconds histogram');
      for (const [k, h] of latency) {
        BUCKETS.forEach((b, i) => out.push(`hearth_http_request_duration_seconds_bucket{${k},le="${b}"} ${h.counts[i] ?? 0}`));
        out.push(`hearth_http_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`);
        out.push(`hearth_http_request_duration_seconds_sum{${k}} ${h.sum}`, `hearth_http_request_duration_seconds_count{${k}} ${h.count}`);
      }
      for (const name of Object.keys(COUNTER_HELP) as CounterName[]) {
        out.push(`# HELP ${name} ${COUNTER_HELP[name]}`, `# TYPE ${name} counter`, `${name} ${counters.get(name) ?? 0}`);
      }
      for (const [name, g] of Object.entries(gauges)) out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
      return `${out.join('\n')}\n`;
    },
  };
}
