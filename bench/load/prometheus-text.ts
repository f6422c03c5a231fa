/** One sample of the Prometheus text exposition format: `name{label="value",...} 42`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g;

/** Every sample of a scrape (comments and blank lines skipped). */
export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(LABEL))
      labels[key!] = raw!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample with exactly these labels, or undefined when the scrape has none. */
export function sampleValue(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels);
  return samples.find(
    (sample) =>
      sample.name === name &&
      Object.keys(sample.labels).length === wanted.length &&
      wanted.every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

/**
 * The q-quantile of a histogram (summed over every label set matching `labels`, which need not
 * name them all), interpolated linearly inside its bucket as PromQL's histogram_quantile does.
 * `before` (an earlier scrape) is subtracted, so the quantile covers only what happened since.
 */
export function histogramQuantile(
  q: number,
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
  before: readonly Sample[] = [],
): number {
  const cumulative = (from: readonly Sample[]) => {
    const byBound = new Map<number, number>();
    for (const sample of from) {
      if (sample.name !== `${name}_bucket`) continue;
      if (!Object.entries(labels).every(([key, value]) => sample.labels[key] === value)) continue;
      const bound = Number(sample.labels.le);
      byBound.set(bound, (byBound.get(bound) ?? 0) + sample.value);
    }
    return byBound;
  };
  const now = cumulative(samples);
  const then = cumulative(before);
  const buckets = [...now.entries()]
    .map(([bound, count]) => ({ bound, count: count - (then.get(bound) ?? 0) }))
    .sort((a, b) => a.bound - b.bound);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const { bound, count } of buckets) {
    if (count >= rank) {
      if (!Number.isFinite(bound)) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1e-9);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}
