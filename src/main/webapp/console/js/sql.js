// A small SQL highlighter (comments, strings, quoted names, numbers, keywords) and a reader of what a
// script would destroy. Output is DOM nodes built from text, so SQL from the server can never become markup.
import {h} from './dom.js';

const KEYWORDS = new Set(`ADD ALL ALTER AND AS ASC BEGIN BETWEEN BIGINT BOOLEAN BY CASCADE CASE CHECK COLUMN COMMENT COMMIT
CONCURRENTLY CONSTRAINT CREATE CURRENT_TIMESTAMP DATE DEFAULT DELETE DESC DISTINCT DO DROP ELSE END EXISTS EXTENSION
FALSE FOREIGN FROM FUNCTION GRANT IF IN INDEX INSERT INTEGER INTO IS JOIN KEY LIKE LIMIT LOCAL LOCK NOT NULL ON OR
ORDER PRIMARY REFERENCES RENAME REPLACE RESTRICT RETURNING REVOKE ROLLBACK SELECT SEQUENCE SERIAL SET TABLE TEXT THEN
TIMESTAMP TIMESTAMPTZ TO TRIGGER TRUE TRUNCATE TYPE UNIQUE UPDATE USING VALID VALIDATE VALUES VARCHAR VIEW WHEN
WHERE WITH`.split(/\s+/));

const TOKEN = /(--[^\n]*)|(\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*")|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_$]*)/g;

export function highlight(sql) {
    const code = h('code', {className: 'sql'});
    let last = 0;
    for (const match of sql.matchAll(TOKEN)) {
        if (match.index > last) {
            code.append(sql.slice(last, match.index));
        }
        const [text, comment, block, string, quoted, number, word] = match;
        if (comment || block) {
            code.append(h('span', {className: 'tok-comment'}, text));
        } else if (string) {
            code.append(h('span', {className: 'tok-string'}, text));
        } else if (quoted) {
            code.append(h('span', {className: 'tok-name'}, text));
        } else if (number) {
            code.append(h('span', {className: 'tok-number'}, text));
        } else if (word && KEYWORDS.has(word.toUpperCase())) {
            code.append(h('span', {className: 'tok-keyword'}, text));
        } else {
            code.append(text);
        }
        last = match.index + text.length;
    }
    code.append(sql.slice(last));
    return h('pre', {className: 'sql-block', tabindex: '0'}, code);
}

const BOOKKEEPING = /databasechangelog(lock)?\b/i;
const DESTRUCTIVE = [
    [/^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([^\s;(]+(?:\s*,\s*[^\s;(,]+)*)/i, m => 'table ' + m[1] + ' and every row in it'],
    [/^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?([^\s;]+)\s+DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(?!CONSTRAINT\b)([^\s;,]+)/i,
        m => 'column ' + m[2] + ' of ' + m[1] + ' and its values'],
    [/^TRUNCATE\s+(?:TABLE\s+)?([^\s;]+)/i, m => 'every row of ' + m[1]],
    [/^DELETE\s+FROM\s+([^\s;]+)/i, m => 'rows of ' + m[1]],
    [/^DROP\s+(SCHEMA|SEQUENCE|VIEW|MATERIALIZED VIEW|TYPE)\s+(?:IF\s+EXISTS\s+)?([^\s;]+)/i, m => m[1].toLowerCase() + ' ' + m[2]]
];

/** The statements of a script that lose data, in words, leaving out Liquibase's own tracking tables. */
export function dataLoss(sql) {
    const losses = [];
    const statements = sql.replace(/--[^\n]*/g, '').split(';');
    for (const raw of statements) {
        const statement = raw.trim().replace(/\s+/g, ' ');
        if (!statement || BOOKKEEPING.test(statement)) {
            continue;
        }
        for (const [pattern, describe] of DESTRUCTIVE) {
            const m = statement.match(pattern);
            if (m) {
                losses.push({what: describe(m), statement});
                break;
            }
        }
    }
    return losses;
}

/**
 * Liquibase's update SQL, cut at its "-- Changeset file::id::author" comments: the SQL of each changeset by
 * that reference. What comes before the first changeset (the lock, the tracking table) is under ''.
 */
export function byChangeset(sql) {
    const parts = new Map();
    let currentRef = '';
    let lines = [];
    for (const line of (sql || '').split('\n')) {
        const m = line.match(/^-- Changeset (\S+)/);
        if (m) {
            parts.set(currentRef, lines.join('\n').trim());
            currentRef = m[1];
            lines = [];
        }
        lines.push(line);
    }
    parts.set(currentRef, lines.join('\n').trim());
    return parts;
}
