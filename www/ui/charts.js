// The two ECharts charts: keyword bars and the category donut. `echarts` is the vendored
// global (vendor/echarts.simple.min.js: bar + pie + line, canvas only).
import { CATEGORIES, label } from '../i18n.js';
import { CATEGORY_COLORS } from './dom.js';

const echarts = globalThis.echarts;

function theme() {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return dark
    ? { text: '#e8e6e3', muted: '#a8a29e', grid: '#3f3f46', bar: '#56B4E9', background: '#1c1b1a' }
    : { text: '#1f2328', muted: '#57606a', grid: '#d0d7de', bar: '#0072B2', background: '#ffffff' };
}

export function createChart(el) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

/** Horizontal bars, best on top. `items`: [{term, value}]. */
export function drawKeywords(chart, items, metricName) {
  const colors = theme();
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    backgroundColor: 'transparent',
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: metricName, axisLabel: { color: colors.muted }, splitLine: { lineStyle: { color: colors.grid } } },
    yAxis: {
      type: 'category', inverse: true, data: items.map((i) => i.term),
      axisLabel: { color: colors.text, fontSize: 13 }, axisTick: { show: false },
      triggerEvent: true,
    },
    series: [{
      type: 'bar', data: items.map((i) => i.value), barMaxWidth: 18, cursor: 'pointer',
      itemStyle: { color: colors.bar, borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', color: colors.muted, formatter: ({ value }) => formatValue(value) },
    }],
  }, true);
}

export function drawTotals(chart, totals) {
  const colors = theme();
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    backgroundColor: 'transparent',
    series: [{
      type: 'pie', radius: ['45%', '75%'], avoidLabelOverlap: true,
      label: { color: colors.text, formatter: '{b} {d}%' },
      data: CATEGORIES.filter((c) => totals[c] > 0).map((c) => ({
        name: label('category', c), value: totals[c], itemStyle: { color: CATEGORY_COLORS[c] },
      })),
    }],
  }, true);
}

export function chartImage(chart) {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: theme().background });
}

function formatValue(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
