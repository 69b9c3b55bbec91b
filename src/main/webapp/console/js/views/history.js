// History: every applied changeset in order, and a chart of how long each took.
import * as api from '../api.js';
import {h, ms, problem, message, svg, table, when} from '../dom.js';

export const title = 'History';

const CHART_WIDTH = 960;
const CHART_HEIGHT = 250;
const TOP = 22;
const AXIS = 48;
const SLOWEST = 5;

/** Columns in order of execution; the slowest stand out in colour and are named under the axis. */
function chart(applied) {
    const timed = applied.filter(a => a.durationMs !== null && a.durationMs !== undefined);
    if (!timed.length) {
        return message('info', 'No durations yet: this server records them for the changesets it applies itself.');
    }
    const max = Math.max(1, ...timed.map(a => a.durationMs));
    // the slowest fifth, at most five, stand out; with few bars each is labelled anyway
    const standOut = Math.min(SLOWEST, Math.max(1, Math.ceil(timed.length / 5)));
    const slowest = new Set([...timed].sort((a, b) => b.durationMs - a.durationMs).slice(0, standOut).filter(a => a.durationMs > 0));
    const plotWidth = CHART_WIDTH - AXIS - 8;
    const slot = plotWidth / timed.length;
    const barWidth = Math.max(2, Math.min(40, slot * 0.7));
    const plotHeight = CHART_HEIGHT - TOP - 56;
    const labelled = slot >= 60;
    const bars = timed.map((a, i) => {
        const height = Math.max(1, (a.durationMs / max) * plotHeight);
        const x = AXIS + i * slot + (slot - barWidth) / 2;
        const y = TOP + plotHeight - height;
        const slow = slowest.has(a);
        return svg('g', {className: slow ? 'bar slow' : 'bar'},
            svg('rect', {x: x.toFixed(1), y: y.toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1), rx: 2},
                svg('title', {}, `${a.id}: ${ms(a.durationMs)}`)),
            slow || labelled ? svg('text', {x: (x + barWidth / 2).toFixed(1), y: (y - 3).toFixed(1), 'text-anchor': 'middle',
                className: 'bar-label'}, ms(a.durationMs)) : null,
            labelled ? svg('text', {x: (x + barWidth / 2).toFixed(1), y: (TOP + plotHeight + 14).toFixed(1), 'text-anchor': 'middle',
                className: 'bar-name'}, a.id.length > slot / 7 ? a.id.slice(0, Math.floor(slot / 7) - 1) + '…' : a.id) : null);
    });
    const ticks = [0, 0.5, 1].map(f => svg('g', {className: 'tick'},
        svg('line', {x1: AXIS, x2: CHART_WIDTH - 8, y1: (TOP + plotHeight * (1 - f)).toFixed(1), y2: (TOP + plotHeight * (1 - f)).toFixed(1)}),
        svg('text', {x: AXIS - 6, y: (TOP + 4 + plotHeight * (1 - f)).toFixed(1), 'text-anchor': 'end'}, ms(Math.round(max * f)))));
    const figure = h('figure', {className: 'chart'},
        svg('svg', {viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`, role: 'img', 'aria-labelledby': 'chart-caption', id: 'duration-chart'},
            ticks, bars,
            svg('text', {x: AXIS, y: CHART_HEIGHT - 6, className: 'axis-label'},
                `${timed.length} timed changesets in order of execution`)),
        h('figcaption', {id: 'chart-caption'}, `Duration of each applied changeset. Slowest: `,
            [...slowest].map((a, i) => [i ? ', ' : '', h('strong', {}, a.id), ' ' + ms(a.durationMs)])));
    const untimed = applied.length - timed.length;
    return untimed
        ? h('div', {}, figure, h('p', {className: 'meta'},
            `${untimed} changeset${untimed === 1 ? '' : 's'} without a measured duration (applied by another tool or before durations were recorded).`))
        : figure;
}

export async function render(body) {
    const history = await api.get('/api/admin/schema/history');
    if (!history.ok) {
        body.replaceChildren(problem(history.problem, 'History'));
        return;
    }
    const applied = history.body;
    const tags = applied.filter(a => a.tag);
    body.replaceChildren(
        h('section', {'aria-labelledby': 'durations-title'}, h('h3', {id: 'durations-title'}, 'Durations'), chart(applied)),
        h('section', {'aria-labelledby': 'tags-title'}, h('h3', {id: 'tags-title'}, 'Tags'),
            tags.length
                ? h('ul', {className: 'tags', id: 'history-tags'}, tags.map(a => h('li', {},
                    h('span', {className: 'badge tag'}, a.tag), ` on ${a.id} (${when(a.dateExecuted)})`)))
                : h('p', {}, 'No tags in the database.')),
        h('section', {'aria-labelledby': 'applied-title'}, h('h3', {id: 'applied-title'}, `Applied changesets (${applied.length})`),
            table(null, [
                ['#', a => String(a.orderExecuted)],
                ['Changeset', a => [h('strong', {}, a.id), h('div', {className: 'meta'}, h('code', {}, a.file), ' by ' + a.author)]],
                ['Applied at', a => when(a.dateExecuted)],
                ['Deployment', a => a.deploymentId || ''],
                ['Duration', a => ms(a.durationMs)],
                ['Type', a => a.execType || ''],
                ['Tag', a => a.tag ? h('span', {className: 'badge tag'}, a.tag) : '']
            ], [...applied].reverse(), {id: 'history-table'})));
}
