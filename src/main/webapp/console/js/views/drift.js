// Drift: the live database against what the changelog builds, and against the JPA mappings.
import * as api from '../api.js';
import {h, message, problem, table} from '../dom.js';

export const title = 'Drift';

function items(id, heading, explanation, list) {
    return h('section', {'aria-labelledby': id + '-title'},
        h('h3', {id: id + '-title'}, `${heading} (${list.length})`),
        h('p', {className: 'meta'}, explanation),
        list.length
            ? table(null, [
                ['Kind', d => h('span', {className: 'badge ' + (d.kind === 'changed' ? 'warn' : 'bad')}, d.kind)],
                ['Type', d => d.type],
                ['Name', d => h('code', {}, d.name)],
                ['Detail', d => d.detail || '']
            ], list, {id: id + '-table'})
            : message('ok', 'No drift.'));
}

export async function render(body) {
    body.replaceChildren(message('info', 'Comparing: the changelog is built in a scratch database first, which takes a few seconds…'));
    const drift = await api.get('/api/admin/schema/drift');
    if (!drift.ok) {
        body.replaceChildren(problem(drift.problem, 'Drift'));
        return;
    }
    body.replaceChildren(
        items('drift-changelog', 'Live database against the changelog',
            'missing: the changelog creates it but the live database lacks it; unexpected: only in the live database;'
            + ' changed: both have it, differently. Pending changesets show up here as missing.', drift.body.changelog),
        items('drift-entities', 'Live database against the JPA mappings',
            'What the entity classes expect that the live database does not have, or has differently.', drift.body.entities));
}
