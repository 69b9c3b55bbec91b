// Start-up, sign-in and the views behind the hash routes (#schema, #history, ...).
import * as api from './api.js';
import {h, message} from './dom.js';
import * as schema from './views/schema.js';
import * as historyView from './views/history.js';
import * as operations from './views/operations.js';
import * as drift from './views/drift.js';
import * as database from './views/database.js';

const VIEWS = {schema, history: historyView, operations, drift, database};
const $ = id => document.getElementById(id);

let shown = null;

function showSignIn(note) {
    $('nav').hidden = true;
    $('who').hidden = true;
    $('view').hidden = true;
    $('view').replaceChildren();
    $('sign-in').hidden = false;
    $('sign-in-message').replaceChildren(note ? message('info', note) : '');
    shown = null;
    $('email').focus();
}

function refuse(user) {
    $('sign-in-message').replaceChildren(message('error',
        h('strong', {}, 'Access refused. '),
        `The account ${user || ''} is not an administrator. This console is only for accounts with the ADMIN role;`
        + ' ask an administrator of this server if you need access.'));
}

async function show(name, focus) {
    const view = VIEWS[name] ? name : 'schema';
    for (const link of document.querySelectorAll('#nav a')) {
        if (link.dataset.view === view) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    const container = $('view');
    const title = h('h2', {id: 'view-title', tabindex: '-1'}, VIEWS[view].title);
    const body = h('div', {className: 'view-body', 'aria-busy': 'true'}, message('info', 'Loading…'));
    container.replaceChildren(title, body);
    container.dataset.view = view;
    shown = view;
    if (focus) {
        title.focus();
    }
    try {
        await VIEWS[view].render(body);
    } catch (e) {
        body.replaceChildren(message('error', h('strong', {}, 'This view failed to load: '), String(e && e.message || e)));
    }
    if (shown === view && body.isConnected) {
        body.setAttribute('aria-busy', 'false');
        container.dataset.loaded = view;
    }
}

function enter() {
    const session = api.current();
    $('sign-in').hidden = true;
    $('nav').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = session.user;
    $('view').hidden = false;
    show(location.hash.slice(1), true);
}

async function onSignIn(event) {
    event.preventDefault();
    const email = $('email').value.trim();
    const password = $('password').value;
    const out = $('sign-in-message');
    if (!email || !password) {
        out.replaceChildren(message('error', 'Enter your email and password.'));
        return;
    }
    $('sign-in-button').disabled = true;
    out.replaceChildren(message('info', 'Signing in…'));
    const result = await api.signIn(email, password);
    $('sign-in-button').disabled = false;
    if (!result.ok) {
        out.replaceChildren(message('error', h('strong', {}, result.problem.title + '. '), result.problem.detail || ''));
        return;
    }
    $('password').value = '';
    if (!api.isAdmin()) {
        const user = api.current().user;
        await api.signOut();
        refuse(user);
        return;
    }
    out.replaceChildren();
    enter();
}

addEventListener('DOMContentLoaded', () => {
    $('sign-in-form').addEventListener('submit', onSignIn);
    $('sign-out').addEventListener('click', async () => {
        await api.signOut();
        history.replaceState(null, '', location.pathname);
        showSignIn('You are signed out.');
    });
    addEventListener('hashchange', () => {
        if (api.isAdmin()) {
            show(location.hash.slice(1), true);
        }
    });
    api.onSessionEnded(reason => showSignIn(reason));
    if (api.isAdmin()) {
        enter();
    } else {
        showSignIn();
    }
});
