// Operations: apply, tag, roll back (preview, then confirm with the preview's token), and the audit trail.
// Each answer is shown as the API gave it: a summary of the result, or its problem document.
import * as api from '../api.js';
import {h, message, ms, problem, ref, table, when} from '../dom.js';
import {dataLoss, highlight} from '../sql.js';

export const title = 'Operations';

/** Radio buttons choosing a target, each with its own input; returns the fieldset and a reader of the body. */
function targetChooser(name, legend, choices) {
    const inputs = {};
    const fieldset = h('fieldset', {}, h('legend', {}, legend), choices.map(([kind, label, input], i) => {
        const id = `${name}-${kind}`;
        const radio = h('input', {type: 'radio', name, id, value: kind, checked: i === 0});
        inputs[kind] = {radio, input};
        if (input) {
            input.addEventListener('focus', () => { radio.checked = true; });
        }
        return h('div', {className: 'choice'}, radio, h('label', {for: id}, label), input || null);
    }));
    const read = () => {
        const chosen = Object.entries(inputs).find(([, v]) => v.radio.checked)[0];
        const value = inputs[chosen].input ? inputs[chosen].input.value.trim() : null;
        if (chosen === 'tag') {
            return {toTag: value};
        }
        if (chosen === 'count') {
            return {count: /^\d+$/.test(value) ? Number(value) : value};
        }
        return {all: true}; // the API takes no empty body to mean all
    };
    return {fieldset, read};
}

function busy(button, running) {
    button.disabled = running;
    button.setAttribute('aria-busy', String(running));
}

function changesetList(refs, extra) {
    return h('ol', {className: 'changesets'}, refs.map((r, i) => h('li', {}, h('code', {}, ref(r.changeset || r)),
        extra ? extra(r, i) : null)));
}

async function summary(holder) {
    const status = await api.get('/api/admin/schema/status');
    const s = status.ok ? status.body : null;
    holder.replaceChildren(s
        ? message('info', `${s.pendingCount} pending, ${s.appliedCount} applied; tags in the database: ${(s.tags || []).join(', ') || 'none'}.`)
        : problem(status.problem, 'Schema status'));
    return s;
}

export async function render(body) {
    const overview = h('div', {id: 'ops-summary'});
    const s = await summary(overview);
    const tagNames = s ? [...new Set([...(s.changelogTags || []), ...(s.tags || [])])] : [];
    const datalist = h('datalist', {id: 'known-tags'}, tagNames.map(t => h('option', {value: t})));

    // Apply
    const applyTag = h('input', {id: 'apply-tag', type: 'text', list: 'known-tags', 'aria-label': 'Tag to apply up to'});
    const applyCount = h('input', {id: 'apply-count', type: 'number', min: '1', 'aria-label': 'Number of changesets to apply'});
    const applyTarget = targetChooser('apply-target', 'Which pending changesets',
        [['all', 'All pending'], ['tag', 'Up to tag', applyTag], ['count', 'The next', applyCount]]);
    const applyResult = h('div', {id: 'apply-result', className: 'result'});
    const dryRunButton = h('button', {type: 'button', id: 'dry-run-button', className: 'secondary'}, 'Show the SQL (dry run)');
    const applyButton = h('button', {type: 'button', id: 'apply-button'}, 'Apply');

    dryRunButton.addEventListener('click', async () => {
        busy(dryRunButton, true);
        const result = await api.post('/api/admin/schema/dry-run', applyTarget.read());
        busy(dryRunButton, false);
        applyResult.replaceChildren(result.ok
            ? h('div', {}, message('info', `Dry run (${result.body.target}): ${result.body.changesets.length} changesets would run; nothing was written.`),
                changesetList(result.body.changesets), highlight(result.body.sql || ''))
            : problem(result.problem, 'Dry run'));
    });
    applyButton.addEventListener('click', async () => {
        busy(applyButton, true);
        applyResult.replaceChildren(message('info', 'Applying…'));
        const result = await api.post('/api/admin/schema/apply', applyTarget.read());
        busy(applyButton, false);
        applyResult.replaceChildren(result.ok
            ? h('div', {}, message('ok', `Applied ${result.body.applied.length} changeset${result.body.applied.length === 1 ? '' : 's'}`
                    + ` in deployment ${result.body.deploymentId}; ${result.body.pendingCount} still pending. Target: ${result.body.target}.`),
                changesetList(result.body.applied, a => ` ${a.execType}, ${ms(a.durationMs)}`))
            : problem(result.problem, 'Apply'));
        await audit.refresh();
    });

    // Tag
    const tagName = h('input', {id: 'tag-name', type: 'text', required: true, autocomplete: 'off'});
    const tagButton = h('button', {type: 'submit', id: 'tag-button'}, 'Tag the current state');
    const tagResult = h('div', {id: 'tag-result', className: 'result'});
    const tagForm = h('form', {className: 'inline-form'}, h('label', {for: 'tag-name'}, 'Tag name'), tagName, tagButton);
    tagForm.addEventListener('submit', async event => {
        event.preventDefault();
        busy(tagButton, true);
        const result = await api.post('/api/admin/schema/tags', {tag: tagName.value.trim()});
        busy(tagButton, false);
        tagResult.replaceChildren(result.ok
            ? message('ok', `Tagged ${result.body.tag} on ${ref(result.body.changeset)}.`)
            : problem(result.problem, 'Tag'));
        await audit.refresh();
    });

    // Rollback
    const rollbackTag = h('input', {id: 'rollback-tag', type: 'text', list: 'known-tags', 'aria-label': 'Tag to roll back to'});
    const rollbackCount = h('input', {id: 'rollback-count', type: 'number', min: '1', value: '1',
        'aria-label': 'Number of changesets to roll back'});
    const rollbackTarget = targetChooser('rollback-target', 'What to roll back',
        [['count', 'The last', rollbackCount], ['tag', 'Back to tag', rollbackTag]]);
    const previewButton = h('button', {type: 'button', id: 'preview-button'}, 'Preview the rollback');
    const preview = h('div', {id: 'rollback-preview', className: 'result'});
    previewButton.addEventListener('click', async () => {
        const target = rollbackTarget.read();
        busy(previewButton, true);
        const result = await api.post('/api/admin/schema/rollback/preview', target);
        busy(previewButton, false);
        if (!result.ok) {
            preview.replaceChildren(problem(result.problem, 'Rollback preview'));
            await audit.refresh();
            return;
        }
        const p = result.body;
        const losses = dataLoss(p.sql || '');
        const confirm = h('button', {type: 'button', id: 'confirm-rollback', className: 'danger'},
            `Confirm: roll back ${p.changesets.length} changeset${p.changesets.length === 1 ? '' : 's'}`);
        const cancel = h('button', {type: 'button', className: 'secondary', id: 'cancel-rollback'}, 'Cancel');
        const outcome = h('div', {id: 'rollback-result'});
        // production contexts: the server asks for the administrator's password again before it drops anything
        const password = p.passwordRequired
            ? h('input', {id: 'rollback-password', type: 'password', autocomplete: 'current-password', required: true})
            : null;
        cancel.addEventListener('click', () => {
            preview.replaceChildren(message('info', 'Rollback cancelled; nothing was changed.'));
            previewButton.focus();
        });
        confirm.addEventListener('click', async () => {
            busy(confirm, true);
            cancel.disabled = true;
            const body = {...target, confirmationToken: p.confirmationToken};
            if (password) {
                body.password = password.value;
            }
            const done = await api.post('/api/admin/schema/rollback', body);
            outcome.replaceChildren(done.ok
                ? message('ok', `Rolled back ${done.body.rolledBack.length} changeset${done.body.rolledBack.length === 1 ? '' : 's'}`
                    + `; ${done.body.pendingCount} now pending. Target: ${done.body.target}.`)
                : problem(done.problem, 'Rollback'));
            if (!done.ok && password && (done.status === 400 || done.status === 403)) {
                busy(confirm, false); // a mistyped or missing password: the same preview may be confirmed again
                cancel.disabled = false;
                password.value = '';
                password.focus();
                await audit.refresh();
                return;
            }
            confirm.remove();
            cancel.remove();
            if (password) {
                password.closest('label').remove();
            }
            outcome.focus();
            await audit.refresh();
        });
        preview.replaceChildren(h('div', {className: 'card preview', 'aria-labelledby': 'preview-title'},
            h('h4', {id: 'preview-title'}, `Preview: rolling back ${p.target}`),
            h('p', {}, 'These changesets would be rolled back, newest first:'),
            changesetList(p.changesets),
            losses.length
                ? message('error', h('strong', {}, 'Data this would drop:'),
                    h('ul', {id: 'data-loss'}, losses.map(l => h('li', {}, l.what))))
                : message('info', 'No table, column or rows are dropped by this rollback.'),
            h('details', {open: true}, h('summary', {}, 'SQL of the rollback'), highlight(p.sql || '')),
            h('p', {className: 'meta'}, `Confirmation valid until ${when(p.expiresAt)}, for this database state only.`),
            password ? h('label', {for: 'rollback-password'}, 'Your password (asked again before a rollback in production)', password) : null,
            h('div', {className: 'actions'}, confirm, cancel), outcome));
        outcome.setAttribute('tabindex', '-1');
        (password || confirm).focus();
        await audit.refresh();
    });

    const trail = auditTrail();
    // after every operation: the audit trail and the counts above
    const audit = {section: trail.section, refresh: () => Promise.all([trail.refresh(), summary(overview)])};

    body.replaceChildren(
        datalist,
        overview,
        h('div', {className: 'ops-grid'},
            h('section', {className: 'card', 'aria-labelledby': 'apply-title'}, h('h3', {id: 'apply-title'}, 'Apply'),
                applyTarget.fieldset, h('div', {className: 'actions'}, dryRunButton, applyButton), applyResult),
            h('section', {className: 'card', 'aria-labelledby': 'tag-title'}, h('h3', {id: 'tag-title'}, 'Tag'),
                h('p', {}, 'Marks the last applied changeset, so a later rollback can return here.'), tagForm, tagResult),
            h('section', {className: 'card wide', 'aria-labelledby': 'rollback-title'}, h('h3', {id: 'rollback-title'}, 'Roll back'),
                h('p', {}, 'First a preview: the SQL and what it drops. Nothing changes until you confirm it.'),
                rollbackTarget.fieldset, h('div', {className: 'actions'}, previewButton), preview)),
        audit.section);
    await audit.refresh();
}

function auditTrail() {
    const holder = h('div', {id: 'audit'});
    const section = h('section', {'aria-labelledby': 'audit-title'},
        h('h3', {id: 'audit-title'}, 'Audit trail'),
        h('p', {className: 'meta'}, 'Every schema operation run through the API, newest first.'), holder);
    return {
        section,
        async refresh() {
            const page = await api.get('/api/admin/schema/audit?limit=20');
            if (!page.ok) {
                holder.replaceChildren(problem(page.problem, 'Audit trail'));
                return;
            }
            holder.replaceChildren(page.body.items.length ? table(`${page.body.total} entries; the newest ${page.body.items.length} shown`, [
                ['When', e => when(e.occurredAt)],
                ['Who', e => e.actorName || String(e.actorId || '')],
                ['Operation', e => h('strong', {}, e.operation)],
                ['Request', e => e.request ? h('code', {}, e.request) : ''],
                ['Outcome', e => h('span', {className: 'badge ' + ({SUCCEEDED: 'ok', REFUSED: 'warn', FAILED: 'bad'}[e.outcome] || '')}, e.outcome)],
                ['Detail', e => e.detail || '']
            ], page.body.items, {id: 'audit-table'}) : h('p', {}, 'No operations yet.'));
        }
    };
}
