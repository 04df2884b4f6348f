import type { FanOutResult } from '../scenarios/fan-out';

const WIDTH = 760;
const HEIGHT = 400;
const MARGIN = { top: 56, right: 24, bottom: 56, left: 64 };
/** One colour per target, in the order the targets ran; colour-blind-safe (Okabe–Ito). */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9'];

/**
 * Fan-out latency as grouped bars, hand-written SVG: one group per client
 * count, one bar per target. The bar is the p99; the dark tick across it the
 * p50; the thin line above it reaches the maximum.
 */
export function fanOutChart(results: FanOutResult[], title: string): string {
  const targets = [...new Set(results.map((r) => r.target))];
  const counts = [...new Set(results.map((r) => r.params.clients))].sort((a, b) => a - b);
  const finite = (v: number) => (Number.isFinite(v) ? v : 0);
  // The scale fits the p99s; a maximum beyond it is drawn to the top and labelled.
  const top = niceCeiling(Math.max(1, ...results.map((r) => finite(r.latencyMs.p99))) * 1.15);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (ms: number) => MARGIN.top + plotH - (Math.min(ms, top) / top) * plotH;
  const groupW = plotW / Math.max(1, counts.length);
  const barW = Math.min(48, (groupW * 0.8) / Math.max(1, targets.length));

  const parts: string[] = [];
  for (let i = 0; i <= 5; i++) {
    const value = (top * i) / 5;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(value) + 4}" text-anchor="end">${format(value)}</text>`,
    );
  }
  counts.forEach((count, g) => {
    const groupX = MARGIN.left + g * groupW + (groupW - barW * targets.length) / 2;
    targets.forEach((target, t) => {
      const run = results.find((r) => r.target === target && r.params.clients === count);
      if (!run || run.latencyMs.count === 0) return;
      const { p50, p99, max } = run.latencyMs;
      const x = groupX + t * barW;
      const mid = x + barW / 2;
      parts.push(
        `<line x1="${mid}" x2="${mid}" y1="${y(max)}" y2="${y(p99)}" stroke="#555"/>`,
        `<rect x="${x + 2}" y="${y(p99)}" width="${barW - 4}" height="${y(0) - y(p99)}" fill="${COLOURS[t % COLOURS.length]}">` +
          `<title>${escape(target)}, ${count} clients: p50 ${format(p50)} ms, p99 ${format(p99)} ms, max ${format(max)} ms</title></rect>`,
        `<line x1="${x + 2}" x2="${x + barW - 2}" y1="${y(p50)}" y2="${y(p50)}" stroke="#222" stroke-width="2"/>`,
        `<text x="${mid}" y="${y(p99) - 4}" text-anchor="middle" font-size="10">${format(p99)}</text>`,
      );
      if (max > top) parts.push(`<text x="${mid}" y="${MARGIN.top - 4}" text-anchor="middle" font-size="9">max ${format(max)}</text>`);
    });
    parts.push(`<text x="${MARGIN.left + g * groupW + groupW / 2}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${count} clients</text>`);
  });
  const legend = targets
    .map(
      (target, t) =>
        `<rect x="${MARGIN.left + t * 150}" y="30" width="12" height="12" fill="${COLOURS[t % COLOURS.length]}"/>` +
        `<text x="${MARGIN.left + t * 150 + 18}" y="40">${escape(target)}</text>`,
    )
    .join('');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="18" font-size="14" font-weight="bold">${escape(title)}</text>`,
    legend,
    ...parts,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
    `<text x="16" y="${MARGIN.top + plotH / 2}" transform="rotate(-90 16 ${MARGIN.top + plotH / 2})" text-anchor="middle">ms, change to arrival at every other client</text>`,
    `<text x="${WIDTH - MARGIN.right}" y="${HEIGHT - 12}" text-anchor="end" font-size="10">bar: p99 · dark tick: p50 · line: max</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The smallest 1, 2 or 5 × 10^n at or above `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= value)!;
}

function format(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
