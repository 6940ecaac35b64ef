/**
 * Writes metric families in the text exposition format 0.0.4, as Prometheus' expfmt does:
 * `# HELP` (when there is help) and `# TYPE` before each family's samples, label values and
 * help escaped, special values as `NaN`, `+Inf`, `-Inf`. parseExposition reads the output
 * back to the same families (sample lines aside).
 */
import { escapeLabelValue } from './labels';
import type { MetricFamily } from './model';
import { formatSampleValue } from './numbers';
import { escapeHelp } from './parseCommentLine';

/** The exposition text of `families`, one line per sample, ending with a line feed. */
export function renderExposition(families: Iterable<MetricFamily>): string {
  const lines: string[] = [];
  for (const family of families) {
    if (family.help !== undefined) lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
      const labelSet = labels.length === 0 ? '' : `{${labels.join(',')}}`;
      const timestamp = sample.timestampMs === undefined ? '' : ` ${sample.timestampMs.toFixed(0)}`;
      lines.push(`${sample.name}${labelSet} ${formatSampleValue(sample.value)}${timestamp}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
