// Charts drawn as inline SVG on the server side: the report needs no script, library or network to show them.
// Every text that reaches the markup goes through escapeHtml (labels are model output).

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export interface Bar {
  label: string;
  value: number;
  /** What is printed after the bar (default: the value). */
  text?: string;
  /** A value that is not known (a price missing): drawn with no bar and its text, never as 0. */
  unknown?: boolean;
}

const WIDTH = 540;
const LABEL = 180;
const VALUE = 150;
const ROW = 20;

/** Long labels are cut for the chart; the whole label stays in the bar's tooltip. */
function clip(label: string, max = 24): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return value.toFixed(value < 1 ? 3 : 2);
}

/** Horizontal bars, one per row, scaled to the largest value (or to `max`). */
export function barChart(options: { id: string; title: string; bars: Bar[]; max?: number; empty?: string }): string {
  const { bars } = options;
  if (bars.length === 0) {
    return `<figure class="chart empty" data-chart="${escapeHtml(options.id)}"><figcaption>${escapeHtml(options.title)}</figcaption><p class="none">${escapeHtml(options.empty ?? "nothing to show")}</p></figure>`;
  }
  const max = options.max ?? Math.max(...bars.map((bar) => bar.value), 0);
  const plot = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, index) => {
    const y = 4 + index * ROW;
    // An unknown value gets no bar at all: any length would read as an amount.
    const width = bar.unknown ? 0 : max > 0 ? Math.max(1, (bar.value / max) * plot) : 1;
    const text = bar.text ?? formatValue(bar.value);
    return (
      `<g><title>${escapeHtml(`${bar.label}: ${text}`)}</title>` +
      `<text x="${LABEL - 6}" y="${y + 14}" text-anchor="end" class="label">${escapeHtml(clip(bar.label))}</text>` +
      `<rect x="${LABEL}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 6}" class="${bar.unknown ? "bar unknown" : "bar"}"/>` +
      `<text x="${LABEL + width + 6}" y="${y + 14}" class="value">${escapeHtml(text)}</text></g>`
    );
  });
  return (
    `<figure class="chart" data-chart="${escapeHtml(options.id)}"><figcaption>${escapeHtml(options.title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `${rows.join("")}</svg></figure>`
  );
}

/** Vertical bars over numeric bins (a length histogram): the axis reads the bins' bounds. */
export function histogramChart(options: {
  id: string;
  title: string;
  bins: Array<{ from: number; to: number; count: number }>;
  unit: string;
}): string {
  const { bins } = options;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) {
    return `<figure class="chart empty" data-chart="${escapeHtml(options.id)}"><figcaption>${escapeHtml(options.title)}</figcaption><p class="none">no records</p></figure>`;
  }
  const width = 300;
  const height = 150;
  const bottom = 128;
  const max = Math.max(...bins.map((bin) => bin.count));
  const step = (width - 20) / bins.length;
  const bars = bins.map((bin, index) => {
    const h = max > 0 ? (bin.count / max) * (bottom - 12) : 0;
    const x = 10 + index * step;
    return (
      `<g><title>${bin.from}–${bin.to - 1} ${escapeHtml(options.unit)}: ${bin.count}</title>` +
      `<rect x="${x.toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" class="bar"/></g>`
    );
  });
  const last = bins.at(-1)?.to ?? 0;
  return (
    `<figure class="chart" data-chart="${escapeHtml(options.id)}"><figcaption>${escapeHtml(options.title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `${bars.join("")}<line x1="10" y1="${bottom}" x2="${width - 10}" y2="${bottom}" class="axis"/>` +
    `<text x="10" y="${bottom + 16}" class="value">0</text>` +
    `<text x="${width - 10}" y="${bottom + 16}" text-anchor="end" class="value">${last} ${escapeHtml(options.unit)}</text>` +
    `</svg></figure>`
  );
}
