// Schema: where the database stands against the changelog, and what would run next.
import * as api from '../api.js';
import {h, message, problem, ref, when} from '../dom.js';
import {byChangeset, highlight} from '../sql.js';

export const title = 'Schema';

function facts(status) {
    const lock = status.lock || {locked: false, locks: []};
    const lockText = lock.locked
        ? lock.locks.map(l => `held by ${l.lockedBy}${l.lockedSince ? ' since ' + when(l.lockedSince) : ''}`).join('; ')
        : 'free';
    const rows = [
        ['Mode', status.mode],
        ['Changelog', h('code', {}, status.changelog)],
        ['Contexts', status.contexts || '(all)'],
        ['Applied', String(status.appliedCount)],
        ['Pending', h('span', {className: status.pendingCount ? 'badge warn' : 'badge ok'}, String(status.pendingCount))],
        ['At head', status.atHead ? 'yes' : 'no'],
        ['Checksums', h('span', {className: status.checksumsValid ? 'badge ok' : 'badge bad'},
            status.checksumsValid ? 'valid' : 'invalid')],
        ['Migration lock', h('span', {className: lock.locked ? 'badge warn' : 'badge ok'}, lockText)],
        ['Last applied', status.lastApplied ? `${status.lastApplied.id} (${when(status.lastApplied.dateExecuted)})` : 'none'],
        ['Tags in the database', (status.tags || []).join(', ') || 'none'],
        ['Tags in the changelog', (status.changelogTags || []).join(', ') || 'none']
    ];
    return h('dl', {className: 'facts', id: 'schema-facts'}, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function finding(f) {
    return h('li', {className: 'finding ' + (f.status === 'REPORTED' ? f.severity.toLowerCase() : 'muted')},
        h('span', {className: 'badge ' + (f.severity === 'ERROR' && f.status === 'REPORTED' ? 'bad' : 'warn')},
            f.severity.toLowerCase()),
        ' ', h('strong', {}, f.rule),
        f.status !== 'REPORTED' ? ` (${f.status.toLowerCase()}${f.reason ? ': ' + f.reason : ''})` : '',
        h('div', {className: 'finding-statement'}, h('code', {}, f.statement)),
        h('div', {className: 'finding-fix'}, 'Fix: ', f.fix));
}

/** The changeset's own statements, without the line that records it in Liquibase's tracking table. */
function statements(sql) {
    return sql.split('\n').filter(line => !/^(INSERT INTO|UPDATE) (public\.)?databasechangelog\b/i.test(line)).join('\n').trim()
        .replace(/^(--[^\n]*\n?)+$/, '');
}

function pendingChangeset(changeset, sql, findings) {
    const key = ref(changeset);
    return h('article', {className: 'changeset card', 'data-changeset': key},
        h('h4', {}, changeset.id, h('span', {className: 'by'}, ' by ' + changeset.author)),
        h('p', {className: 'meta'}, h('code', {}, changeset.file),
            changeset.contexts ? ' · contexts ' + changeset.contexts : '', ' · ', changeset.description),
        changeset.comment ? h('p', {}, changeset.comment) : null,
        findings.length
            ? h('div', {className: 'lint'}, h('h5', {}, `Lint: ${findings.length} finding${findings.length > 1 ? 's' : ''}`),
                h('ul', {}, findings.map(finding)))
            : h('p', {className: 'lint-clean'}, 'Lint: no findings'),
        sql === undefined ? null : h('details', {open: true}, h('summary', {}, 'SQL it would run'),
            statements(sql) ? highlight(statements(sql)) : h('p', {}, 'No SQL of its own (a tag, or a change without statements).'),
            h('p', {className: 'meta'}, 'Liquibase also records the changeset in databasechangelog.')));
}

export async function render(body) {
    const status = await api.get('/api/admin/schema/status');
    if (!status.ok) {
        body.replaceChildren(problem(status.problem, 'Schema status'));
        return;
    }
    const s = status.body;
    const parts = [facts(s)];
    if (!s.checksumsValid && (s.validationProblems || []).length) {
        parts.push(message('error', h('strong', {}, 'Changelog validation: '),
            h('ul', {}, s.validationProblems.map(p => h('li', {}, p)))));
    }
    if ((s.unexpected || []).length) {
        parts.push(message('error', h('strong', {}, 'Applied changesets not in this changelog: '),
            h('ul', {}, s.unexpected.map(u => h('li', {}, h('code', {}, ref(u)))))));
    }

    const pendingSection = h('section', {className: 'pending', 'aria-labelledby': 'pending-title'},
        h('h3', {id: 'pending-title'}, `Pending changesets (${s.pendingCount})`));
    parts.push(pendingSection);
    body.replaceChildren(...parts);
    if (!s.pendingCount) {
        pendingSection.append(message('ok', 'Nothing pending: the database is at the head of the changelog.'));
        return;
    }

    const lint = await api.get('/api/admin/schema/lint');
    const dryRun = await api.post('/api/admin/schema/dry-run', {all: true});
    const findings = lint.ok ? lint.body.findings : [];
    const sql = dryRun.ok ? byChangeset(dryRun.body.sql) : new Map();
    if (!lint.ok) {
        pendingSection.append(problem(lint.problem, 'Lint'));
    } else {
        pendingSection.append(message(lint.body.errors ? 'error' : 'ok',
            `Lint of the pending changesets: ${lint.body.errors} error${lint.body.errors === 1 ? '' : 's'}, `
            + `${findings.length} finding${findings.length === 1 ? '' : 's'} in all.`));
    }
    if (!dryRun.ok) {
        pendingSection.append(problem(dryRun.problem, 'SQL of the pending changesets'));
    }
    const known = new Set();
    for (const changeset of s.pending) {
        const key = ref(changeset);
        known.add(key);
        pendingSection.append(pendingChangeset(changeset, dryRun.ok ? (sql.get(key) || '') : undefined,
            findings.filter(f => f.changeset === key)));
    }
    const others = findings.filter(f => !known.has(f.changeset));
    if (others.length) {
        pendingSection.append(h('h4', {}, 'Other lint findings'), h('ul', {}, others.map(finding)));
    }
}
