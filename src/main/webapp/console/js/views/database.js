// Database: size, largest tables, unused and invalid indexes, slow statements, sessions waiting on locks.
// Served by the observability endpoints under /api/admin/database; a server without them says so.
import * as api from '../api.js';
import {bytes, h, message, problem, table, when} from '../dom.js';

export const title = 'Database';

const code = value => value === null || value === undefined ? '' : h('code', {}, String(value));
const text = value => value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

function section(id, heading, content) {
    return h('section', {'aria-labelledby': id + '-title'}, h('h3', {id: id + '-title'}, heading), content);
}

function rows(id, list, columns, empty) {
    return list && list.length ? table(null, columns, list, {id}) : h('p', {}, empty);
}

function skipped(answers) {
    const all = answers.flatMap(a => (a && a.skipped) || []);
    return all.length ? message('error', h('strong', {}, 'Left out: '),
        h('ul', {}, all.map(s => h('li', {}, `${s.section}: ${s.reason}`)))) : null;
}

export async function render(body) {
    const overview = await api.get('/api/admin/database');
    if (overview.status === 404) {
        const note = message('info', h('strong', {}, 'Not available on this server. '),
            'This server has no database health endpoints (/api/admin/database); they come with the observability'
            + ' release. Schema, History, Operations and Drift work without them.');
        note.id = 'database-unavailable';
        body.replaceChildren(note);
        return;
    }
    if (!overview.ok) {
        body.replaceChildren(problem(overview.problem, 'Database'));
        return;
    }
    const [tables, indexes, statements, activity] = [
        await api.get('/api/admin/database/tables?limit=15'),
        await api.get('/api/admin/database/indexes?limit=15'),
        await api.get('/api/admin/database/statements?limit=10'),
        await api.get('/api/admin/database/activity?limit=20')];
    const o = overview.body;
    const or = (answer, render) => answer.ok ? render(answer.body) : problem(answer.problem);
    body.replaceChildren(
        h('dl', {className: 'facts', id: 'database-facts'},
            [['Database', o.name], ['Size', bytes(o.sizeBytes)], ['PostgreSQL', o.serverVersion],
                ['Connections', `${text(o.connections)} of ${text(o.maxConnections)}`],
                ['Statistics since', when(o.statsSince) || 'server start'],
                ['pg_stat_statements', o.pgStatStatements ? 'installed' : 'not installed']]
                .map(([term, value]) => [h('dt', {}, term), h('dd', {}, text(value))])),
        skipped([tables.body, indexes.body, statements.body, activity.body]),
        section('db-tables', 'Largest tables', or(tables, t => rows('db-tables-table', t.tables, [
            ['Table', r => code(`${r.schema}.${r.name}`)], ['Rows (estimate)', r => text(r.rowEstimate)],
            ['Table', r => bytes(r.tableBytes)], ['Indexes', r => bytes(r.indexBytes)], ['Total', r => bytes(r.totalBytes)],
            ['Locked by', r => text(r.lockedBy)]], 'No tables.'))),
        section('db-indexes', 'Indexes', or(indexes, i => h('div', {},
            h('h4', {}, `Invalid (${(i.invalid || []).length})`),
            rows('db-invalid-table', i.invalid, [['Index', r => code(r.name)], ['Table', r => code(r.table)],
                ['Definition', r => code(r.definition)]], 'No invalid indexes.'),
            h('h4', {}, `Unused since the statistics reset (${(i.unused || []).length})`),
            rows('db-unused-table', i.unused, [['Index', r => code(r.name)], ['Table', r => code(r.table)],
                ['Size', r => bytes(r.bytes)], ['Scans', r => text(r.scans)]], 'No unused indexes.')))),
        section('db-statements', 'Slowest statements', or(statements, st => st.available
            ? rows('db-statements-table', st.statements, [['Statement', r => code(r.query)], ['Calls', r => text(r.calls)],
                ['Total ms', r => text(r.totalMs)], ['Mean ms', r => text(r.meanMs)], ['Max ms', r => text(r.maxMs)]],
                'No statements recorded.')
            : message('info', st.message || 'pg_stat_statements is not available.'))),
        section('db-activity', 'Sessions', or(activity, a => h('div', {},
            h('h4', {}, `Waiting on a lock (${(a.blocked || []).length})`),
            rows('db-blocked-table', a.blocked, [['PID', r => text(r.pid)], ['Blocked by', r => text(r.blockedBy)],
                ['Waiting', r => text(r.waitingSeconds) + ' s'], ['Lock', r => text(r.lockMode)], ['Query', r => code(r.query)]],
                'No session is waiting on a lock.'),
            h('h4', {}, `Transactions open longer than ${text(a.longTransactionSeconds)} s (${(a.longTransactions || []).length})`),
            rows('db-long-table', a.longTransactions, [['PID', r => text(r.pid)], ['Application', r => text(r.application)],
                ['Open for', r => text(r.transactionSeconds) + ' s'], ['State', r => text(r.state)], ['Query', r => code(r.query)]],
                'None.'),
            h('h4', {}, 'Connections'),
            rows('db-connections-table', a.connections, [['State', r => text(r.state)], ['Application', r => text(r.application)],
                ['Connections', r => text(r.connections)]], 'None.')))));
}
