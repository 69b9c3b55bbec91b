// The session and every call to the API. Tokens stay in this tab's session storage (gone when the tab closes)
// and travel only in the Authorization header, never as a cookie.

const KEY = 'narasi.console.session';
const REFRESH_BEFORE_EXPIRY_MS = 60_000;

let session = read();
let refreshing = null;
let refreshTimer = null;
const listeners = new Set();

function read() {
    try {
        return JSON.parse(sessionStorage.getItem(KEY)) || null;
    } catch (e) {
        return null;
    }
}

function claims(accessToken) {
    try {
        const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
    } catch (e) {
        return {};
    }
}

function keep(tokens) {
    const claimed = claims(tokens.accessToken);
    session = {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: Date.now() + tokens.expiresIn * 1000,
        user: claimed.upn || '',
        groups: Array.isArray(claimed.groups) ? claimed.groups : []
    };
    sessionStorage.setItem(KEY, JSON.stringify(session));
    schedule();
}

function schedule() {
    clearTimeout(refreshTimer);
    if (session) {
        const wait = Math.max(5_000, session.expiresAt - Date.now() - REFRESH_BEFORE_EXPIRY_MS);
        refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
    }
}

function forget(reason) {
    clearTimeout(refreshTimer);
    session = null;
    sessionStorage.removeItem(KEY);
    listeners.forEach(listener => listener(reason));
}

/** Called with a reason when the session ends other than by signing out (refresh refused). */
export function onSessionEnded(listener) {
    listeners.add(listener);
}

export function current() {
    if (session) {
        schedule();
    }
    return session;
}

export function isAdmin() {
    return !!session && session.groups.includes('ADMIN');
}

/** A problem document for any failed response, also when the body is not one (a proxy's HTML page). */
async function problemOf(response) {
    const text = await response.text();
    try {
        const body = JSON.parse(text);
        if (body && typeof body === 'object' && body.title) {
            return body;
        }
    } catch (e) {
        // not JSON: described below
    }
    return {title: response.statusText || 'HTTP ' + response.status, status: response.status,
        detail: text ? text.slice(0, 300) : 'The server answered ' + response.status + ' without a problem document'};
}

async function send(method, path, body, token) {
    const headers = {'Accept': 'application/json, application/problem+json'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (token) {
        headers['Authorization'] = 'Bearer ' + token;
    }
    let response;
    try {
        response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
            credentials: 'omit', cache: 'no-store'});
    } catch (e) {
        return {ok: false, status: 0, problem: {title: 'Server unreachable', status: 0,
            detail: 'No answer from the server (' + e.message + '). Check that it is running and reachable.'}};
    }
    if (!response.ok) {
        return {ok: false, status: response.status, problem: await problemOf(response)};
    }
    const text = await response.text();
    return {ok: true, status: response.status, body: text ? JSON.parse(text) : null,
        location: response.headers.get('Location')};
}

export async function signIn(email, password) {
    const result = await send('POST', '/api/auth/login', {email, password});
    if (result.ok) {
        keep(result.body);
    }
    return result;
}

/** Spends the refresh token for new tokens; one refresh at a time, shared by concurrent callers. */
export function refresh() {
    if (!session) {
        return Promise.resolve(false);
    }
    if (!refreshing) {
        refreshing = send('POST', '/api/auth/refresh', {refreshToken: session.refreshToken}).then(result => {
            refreshing = null;
            if (result.ok) {
                keep(result.body);
                return true;
            }
            forget('Your session has ended (' + (result.problem.detail || result.problem.title) + '). Sign in again.');
            return false;
        });
    }
    return refreshing;
}

export async function signOut() {
    if (session) {
        const refreshToken = session.refreshToken;
        clearTimeout(refreshTimer);
        session = null;
        sessionStorage.removeItem(KEY);
        await send('POST', '/api/auth/logout', {refreshToken});
    }
}

/** An API call as the signed-in user; an expired access token is refreshed once and the call repeated. */
export async function call(method, path, body) {
    if (!session) {
        return {ok: false, status: 401, problem: {title: 'Unauthorized', status: 401, detail: 'Not signed in'}};
    }
    let result = await send(method, path, body, session.accessToken);
    if (result.status === 401 && await refresh()) {
        result = await send(method, path, body, session.accessToken);
    }
    return result;
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
