// Building elements without innerHTML: every value from the API is text, never markup.

const SVG = 'http://www.w3.org/2000/svg';

function fill(node, attributes, children) {
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            node.addEventListener(name.slice(2), value);
        } else if (name === 'text') {
            node.textContent = String(value);
        } else {
            node.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

/** h('p', {className: 'note'}, 'text', otherNode) */
export function h(tag, attributes, ...children) {
    return fill(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes, ...children) {
    return fill(document.createElementNS(SVG, tag), attributes, children);
}

/** A table: columns are [heading, row => cell content] pairs. */
export function table(caption, columns, rows, attributes) {
    return h('div', {className: 'table-wrap'},
        h('table', attributes || {},
            caption ? h('caption', {}, caption) : null,
            h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', {scope: 'col'}, heading)))),
            h('tbody', {}, rows.map(row => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row))))))));
}

export function when(instant) {
    if (!instant) {
        return '';
    }
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? String(instant) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function bytes(count) {
    if (count === null || count === undefined) {
        return '';
    }
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = Number(count);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
}

export function ms(value) {
    if (value === null || value === undefined) {
        return '';
    }
    return value >= 1000 ? (value / 1000).toFixed(2) + ' s' : value + ' ms';
}

export function ref(changeset) {
    return changeset ? `${changeset.file}::${changeset.id}::${changeset.author}` : '';
}

/** A status or error message that assistive technology announces. */
export function message(kind, ...content) {
    return h('div', {className: 'message ' + kind, role: kind === 'error' ? 'alert' : 'status'}, ...content);
}

/** An RFC 9457 problem document as the API sent it: title, status, detail, the invalid fields, type, instance. */
export function problem(doc, context) {
    const fields = Array.isArray(doc.errors) ? doc.errors : [];
    return h('div', {className: 'message error problem', role: 'alert'},
        h('p', {className: 'problem-title'},
            context ? context + ': ' : '', h('strong', {}, doc.title || 'Error'),
            doc.status ? h('span', {className: 'status-code'}, ' ' + doc.status) : null),
        doc.detail ? h('p', {className: 'problem-detail'}, doc.detail) : null,
        fields.length ? h('ul', {}, fields.map(f => h('li', {}, h('code', {}, f.field || ''), ' ', f.message || ''))) : null,
        h('dl', {className: 'problem-meta'},
            doc.type ? [h('dt', {}, 'type'), h('dd', {}, doc.type)] : null,
            doc.instance ? [h('dt', {}, 'instance'), h('dd', {}, doc.instance)] : null));
}
