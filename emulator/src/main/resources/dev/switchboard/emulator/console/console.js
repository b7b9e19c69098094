// The Switchboard emulator console: plain JavaScript, no build step. Everything it reads comes from the
// admin API's console views, which never contain keys or hmacs (keys appear as sha256: fingerprints).
'use strict';
(() => {
  const MAX_LOG_ROWS = 500;
  const POLL_MS = 2000;
  const $ = (id) => document.getElementById(id);

  /** Builds an element; strings become text nodes (never HTML), so state values cannot inject markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function api(path, options) {
    const response = await fetch('/__admin' + path, options);
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((body && body.info) || ('HTTP ' + response.status));
    return body;
  }

  const postJson = (path, body, method = 'POST') =>
    api(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  // ---- keys (fingerprints and owners only) ----
  const keyOwners = new Map();
  function keyLabel(fingerprint) {
    if (!fingerprint) return el('span', { class: 'muted' }, '—');
    const owner = keyOwners.get(fingerprint);
    return el('span', { title: fingerprint, class: 'key-label' }, owner ? owner + ' ' : '',
      el('span', { class: 'muted mono' }, fingerprint.slice(0, 15) + '…'));
  }

  function table(className, headers, rows, emptyText) {
    const body = rows.length ? rows : [el('tr', { class: 'empty' }, el('td', { colspan: headers.length }, emptyText || 'none'))];
    return el('table', { class: 'grid-table ' + (className || '') },
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))), el('tbody', {}, body));
  }

  function section(title, count, content, open) {
    return el('details', { open: open || false }, el('summary', {}, title + ' ', el('span', { class: 'count' }, '(' + count + ')')), content);
  }

  const masked = (value) => value === null || value === undefined ? el('span', { class: 'muted' }, '—')
    : el('span', { class: 'masked', title: 'masked' }, value);
  const short = (id) => (id ? String(id).slice(0, 8) : '—');
  const day = (iso) => (iso ? String(iso).slice(0, 10) : '—');

  // ---- state: Daily domains and SignalWire projects ----
  let numberHomes = null;
  let refreshing = false;
  let refreshAgain = false;
  let refreshTimer = null;

  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; refreshState(); }, 100);
  }

  async function refreshState() {
    if (refreshing) { refreshAgain = true; return; }
    refreshing = true;
    try {
      const state = await api('/console/state');
      keyOwners.clear();
      (state.keys || []).forEach((k) => keyOwners.set(k.key_fingerprint, k.owner));
      renderKeyChoices(state.keys || []);
      // rows that arrived before their key's owner was known
      document.querySelectorAll('#request-rows td[data-key]:not([data-key=""])')
        .forEach((cell) => cell.replaceChildren(keyLabel(cell.dataset.key)));
      const homes = new Map();
      renderDaily(state, homes);
      renderSignalWire(state, homes);
      recordMoves(homes);
      renderClock(state.clock);
    } catch (e) {
      console.warn('state refresh failed', e);
    } finally {
      refreshing = false;
      if (refreshAgain) { refreshAgain = false; scheduleRefresh(); }
    }
  }

  function dailyRouting(domain) {
    const routes = new Map();
    const add = (number, badge) => { if (!number) return; (routes.get(number) || routes.set(number, []).get(number)).push(badge); };
    (domain.dialin_configs || []).forEach((c) => add(c.config && c.config.phone_number,
      el('span', { class: 'badge ' + (c.type === 'pin_dialin' ? 'pin' : 'pinless') }, c.type === 'pin_dialin' ? 'pin' : 'pinless')));
    const config = domain.config || {};
    (config.pinless_dialin || []).forEach((e) => add(e.phone_number, el('span', { class: 'badge legacy' }, 'legacy pinless')));
    (config.pin_dialin || []).forEach((e) => add(e.phone_number, el('span', { class: 'badge legacy' }, 'legacy pin')));
    return routes;
  }

  function renderDaily(state, homes) {
    const container = $('daily-domains');
    const domains = (state.daily && state.daily.domains) || [];
    const live = (state.live && state.live.daily) || { domains: {}, webhook_deliveries: [] };
    const previous = numberHomes;
    container.replaceChildren(...(domains.length ? domains.map((d) => domainCard(d, live, homes, previous))
      : [el('p', { class: 'empty' }, 'no Daily domains')]));
  }

  function domainCard(domain, live, homes, previous) {
    const where = 'Daily ' + domain.domain_name;
    const routes = dailyRouting(domain);
    const numbers = (domain.phone_numbers || []).map((n) => {
      homes.set(n.number, where);
      const arrived = previous && previous.has(n.number) && previous.get(n.number) !== where;
      return el('tr', { 'data-number': n.number, class: arrived ? 'arrived' : null },
        el('td', { class: 'mono' }, n.number), el('td', {}, n.name || ''), el('td', { class: 'mono muted', title: n.id }, short(n.id)),
        el('td', { class: 'nowrap' }, day(n.created_date)), el('td', {}, routes.get(n.number) || el('span', { class: 'muted' }, 'no dial-in')));
    });
    const configs = (domain.dialin_configs || []).map((c) => el('tr', {},
      el('td', {}, el('span', { class: 'badge ' + (c.type === 'pin_dialin' ? 'pin' : 'pinless') }, c.type)),
      el('td', { class: 'mono' }, (c.config && c.config.phone_number) || 'SIP only'),
      el('td', {}, (c.config && c.config.name_prefix) || ''),
      el('td', { class: 'url' }, (c.config && (c.config.room_creation_api || c.config.sip_uri)) || ''),
      el('td', {}, masked(c.config && c.config.hmac))));
    const config = domain.config || {};
    const legacy = [...(config.pinless_dialin || []).map((e) => ['pinless_dialin', e]), ...(config.pin_dialin || []).map((e) => ['pin_dialin', e])]
      .map(([kind, e]) => el('tr', {}, el('td', {}, el('span', { class: 'badge legacy' }, kind)),
        el('td', { class: 'mono' }, e.phone_number || 'SIP only'), el('td', {}, e.name_prefix || ''),
        el('td', { class: 'url' }, e.room_creation_api || e.sip_uri || ''), el('td', {}, masked(e.hmac))));
    const callerIds = (domain.verified_caller_ids || []).map((c) => el('tr', {}, el('td', { class: 'mono' }, c.number), el('td', {}, c.name || '')));
    const rooms = (domain.rooms || []).map((r) => el('tr', {}, el('td', {}, r.name), el('td', {}, r.privacy || ''),
      el('td', { class: 'url' }, ((r.sip_endpoints || [])[0]) || '')));
    const domainLive = (live.domains || {})[domain.domain_name] || { calls: [], held_calls: [] };
    const calls = [...(domainLive.calls || []).map((c) => el('tr', {}, el('td', {}, c.direction), el('td', { class: 'mono' }, c.remote),
      el('td', {}, c.room), el('td', { class: 'mono' }, c.daily_number || 'SIP'))),
      ...(domainLive.held_calls || []).map((c) => el('tr', {}, el('td', {}, 'held'), el('td', { class: 'mono' }, c.from), el('td', {}, '—'), el('td', { class: 'mono' }, c.to)))];
    const hooks = domain.webhooks || [];
    const hookIds = new Set(hooks.map((h) => h.uuid));
    const deliveries = (live.webhook_deliveries || []).filter((d) => hookIds.has(d.webhook_uuid)).slice(-20).reverse();
    const webhooks = [...hooks.map((h) => el('tr', {}, el('td', { class: 'small' }, h.url), el('td', {}, h.state || ''),
      el('td', {}, (h.eventTypes || []).length ? h.eventTypes.join(', ') : 'all events'), el('td', {}, masked(h.hmac)))),
      ...deliveries.map((d) => el('tr', { class: 'delivery' }, el('td', { class: 'small muted' }, '↳ ' + d.event_type),
        el('td', { class: 's' + String(d.status).charAt(0) }, d.status === 0 ? 'unreachable' : d.status === -1 ? 'skipped' : d.status),
        el('td', { class: 'mono small muted', colspan: 2 }, short(d.event_id))))];
    return el('article', { class: 'card', 'data-domain': domain.domain_name },
      el('h3', {}, domain.domain_name),
      el('div', { class: 'sub' }, domain.domain_id, ' · keys ', (domain.key_fingerprints || []).map((k) => el('span', { class: 'mono', title: k }, k.slice(0, 15) + '… '))),
      table('numbers', ['number', 'name', 'id', 'bought', 'dial-in'], numbers, 'no numbers'),
      section('Dial-in configs', configs.length, table('', ['type', 'number', 'prefix', 'room API / SIP', 'hmac'], configs), configs.length > 0),
      section('Legacy arrays', legacy.length, table('', ['array', 'number', 'prefix', 'room API / SIP', 'hmac'], legacy), legacy.length > 0),
      section('Caller IDs', callerIds.length, table('', ['number', 'name'], callerIds)),
      section('Rooms', rooms.length, table('', ['name', 'privacy', 'SIP endpoint'], rooms)),
      section('Live calls', calls.length, table('calls', ['direction', 'far end', 'room', 'number'], calls), calls.length > 0),
      section('Webhooks', hooks.length, table('', ['url', 'state', 'events', 'hmac'], webhooks)));
  }

  function renderSignalWire(state, homes) {
    const container = $('sw-projects');
    const projects = (state.signalwire && state.signalwire.projects) || [];
    container.replaceChildren(...(projects.length ? projects.map((p) => projectCard(p, homes))
      : [el('p', { class: 'empty' }, 'no SignalWire projects')]));
  }

  function handler(kind, number) {
    const name = number[kind + '_handler'];
    if (!name) return el('span', { class: 'muted' }, '—');
    const target = number[kind + '_request_url'] || number[kind + '_relay_context'] || number[kind + '_relay_topic']
      || number[kind + '_relay_application'] || number[kind + '_laml_application_id'] || '';
    return el('span', {}, el('span', { class: 'badge' }, name), ' ', el('span', { class: 'small url' }, target));
  }

  function projectCard(project, homes) {
    const where = 'SignalWire ' + project.project_id;
    const groups = new Map((project.number_groups || []).map((g) => [g.id, g]));
    const groupOf = new Map((project.number_group_memberships || []).map((m) => [m.phone_number_id, groups.get(m.number_group_id)]));
    const numbers = (project.phone_numbers || []).map((n) => {
      homes.set(n.number, where);
      const group = groupOf.get(n.id);
      return el('tr', { 'data-number': n.number }, el('td', { class: 'mono' }, n.number), el('td', {}, n.name || ''),
        el('td', {}, handler('call', n)), el('td', {}, handler('message', n)), el('td', {}, group ? group.name : ''));
    });
    const groupRows = [...groups.values()].map((g) => el('tr', {}, el('td', {}, g.name),
      el('td', {}, String((project.number_group_memberships || []).filter((m) => m.number_group_id === g.id).length)),
      el('td', {}, g.sticky_sender ? 'sticky sender' : '')));
    const addresses = (project.addresses || []).map((a) => el('tr', {}, el('td', {}, a.label || ''),
      el('td', {}, [a.street_number, a.street_name, a.city, a.state, a.country].filter(Boolean).join(' ')),
      el('td', {}, a.emergency_enabled ? 'E911' : ''), el('td', {}, a.validated ? 'validated' : '')));
    const callerIds = (project.verified_caller_ids || []).map((c) => el('tr', {}, el('td', { class: 'mono' }, c.number),
      el('td', {}, c.name || ''), el('td', {}, c.verified ? 'verified' : 'awaiting verification')));
    return el('article', { class: 'card', 'data-project': project.project_id },
      el('h3', {}, project.project_id),
      el('div', { class: 'sub' }, 'tokens ', (project.key_fingerprints || []).map((k) => el('span', { class: 'mono', title: k }, k.slice(0, 15) + '… '))),
      table('numbers', ['number', 'name', 'calls', 'messages', 'group'], numbers, 'no numbers'),
      section('Groups', groupRows.length, table('', ['name', 'numbers', ''], groupRows), groupRows.length > 0),
      section('Addresses', addresses.length, table('', ['label', 'address', '', ''], addresses)),
      section('Caller IDs', callerIds.length, table('', ['number', 'name', 'status'], callerIds)));
  }

  function recordMoves(homes) {
    const previous = numberHomes;
    numberHomes = homes;
    if (!previous) return;
    const list = $('moves');
    const time = new Date().toISOString().slice(11, 19);
    const add = (number, text, from, to) => {
      list.querySelector('.empty') && list.replaceChildren();
      list.prepend(el('li', { class: 'move', 'data-number': number, 'data-from': from || '', 'data-to': to || '' },
        el('span', { class: 'muted mono' }, time + ' '), el('span', { class: 'mono' }, number), ' ', text));
    };
    for (const [number, where] of homes) {
      const before = previous.get(number);
      if (before === undefined) add(number, el('span', {}, 'bought by ', el('strong', {}, where)), null, where);
      else if (before !== where) add(number, el('span', {}, el('strong', {}, before), el('span', { class: 'arrow' }, '→'), el('strong', {}, where)), before, where);
    }
    for (const [number, where] of previous) {
      if (!homes.has(number)) add(number, el('span', {}, 'released by ', el('strong', {}, where)), where, null);
    }
  }

  // ---- request log (Server-Sent Events) ----
  let logCount = 0;
  function requestRow(entry) {
    const statusClass = 's' + String(entry.status).charAt(0);
    const path = entry.path + (entry.query ? '?' + entry.query : '');
    return el('tr', { class: 'new', 'data-seq': entry.seq, 'data-fault': entry.fault || '' },
      el('td', { class: 'muted' }, entry.seq), el('td', {}, String(entry.at).slice(11, 23)), el('td', {}, entry.method),
      el('td', {}, path), el('td', { 'data-key': entry.key_fingerprint || '' }, keyLabel(entry.key_fingerprint)),
      el('td', { class: statusClass }, entry.status === 0 ? 'dropped' : entry.status),
      el('td', {}, (entry.micros / 1000).toFixed(1) + ' ms'),
      el('td', {}, entry.fault ? el('span', { class: 'badge fault' }, entry.fault) : ''));
  }

  function applyFilter(row) {
    const text = $('request-filter').value.trim().toLowerCase();
    row.hidden = text !== '' && !row.textContent.toLowerCase().includes(text);
  }

  function addRequest(entry) {
    const rows = $('request-rows');
    const row = requestRow(entry);
    applyFilter(row);
    rows.prepend(row);
    while (rows.children.length > MAX_LOG_ROWS) rows.lastElementChild.remove();
    logCount++;
    $('request-count').textContent = logCount + ' seen, newest first';
    if (entry.method !== 'GET') scheduleRefresh();
    if (entry.fault) refreshFaults();
  }

  function connectStream() {
    const status = $('stream-status');
    const source = new EventSource('/__admin/console/events');
    source.onopen = () => { status.textContent = 'live'; status.className = 'pill status-live'; };
    source.onerror = () => {
      status.textContent = source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…';
      status.className = 'pill ' + (source.readyState === EventSource.CLOSED ? 'status-down' : 'status-connecting');
    };
    source.addEventListener('request', (event) => addRequest(JSON.parse(event.data)));
    source.addEventListener('changed', (event) => {
      const what = JSON.parse(event.data).what;
      if (what === 'requests' || what === 'reset') { $('request-rows').replaceChildren(); logCount = 0; $('request-count').textContent = ''; }
      if (what === 'faults' || what === 'reset') refreshFaults();
      if (what === 'rate-limits' || what === 'reset') refreshRates();
      if (what === 'clock') refreshClock();
      if (what === 'state' || what === 'reset' || what === 'clock') scheduleRefresh();
    });
  }

  // ---- fault rules ----
  function renderKeyChoices(keys) {
    const select = $('fault-key');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, 'any key'),
      ...keys.map((k) => el('option', { value: k.key_fingerprint }, k.owner + ' (' + k.key_fingerprint.slice(7, 15) + '…)')));
    select.value = keys.some((k) => k.key_fingerprint === chosen) ? chosen : '';
  }

  function renderFaults(faults) {
    const rows = (faults.rules || []).map((r) => el('tr', { 'data-rule': r.id },
      el('td', { class: 'muted' }, r.id), el('td', { class: 'url' }, r.method + ' ' + r.path),
      el('td', {}, el('span', { class: 'badge fault' }, r.kind),
        r.kind.includes('5xx') ? ' ' + r.status : '', ['latency', 'timeout'].includes(r.kind) ? ' ' + r.millis + ' ms' : ''),
      el('td', {}, r.count !== undefined && r.count !== null ? 'next ' + r.count : 'p = ' + r.probability),
      el('td', {}, r.key_fingerprint ? keyLabel(r.key_fingerprint) : el('span', { class: 'muted' }, 'any')),
      el('td', {}, el('button', { type: 'button', class: 'remove', 'data-remove': r.id, onclick: () => removeFault(r.id) }, 'Remove'))));
    $('fault-rows').replaceChildren(...(rows.length ? rows
      : [el('tr', { class: 'empty' }, el('td', { colspan: 6 }, 'no rules: every request is served normally'))]));
  }

  async function refreshFaults() {
    try { renderFaults(await api('/console/faults')); } catch (e) { console.warn('faults refresh failed', e); }
  }

  async function removeFault(id) {
    try { renderFaults(await api('/console/faults/' + id, { method: 'DELETE' })); $('fault-error').textContent = ''; }
    catch (e) { $('fault-error').textContent = e.message; refreshFaults(); }
  }

  async function addFault(event) {
    event.preventDefault();
    const form = event.target;
    const value = (name) => form.elements[name].value.trim();
    const rule = { method: value('method'), path: value('path'), kind: value('kind') };
    const amount = Number(value('amount'));
    if (value('mode') === 'count') rule.count = amount; else rule.probability = amount;
    if (value('status')) rule.status = Number(value('status'));
    if (value('millis')) rule.millis = Number(value('millis'));
    if (value('key_fingerprint')) rule.key_fingerprint = value('key_fingerprint');
    try {
      renderFaults(await postJson('/console/faults', rule));
      $('fault-error').textContent = '';
    } catch (e) {
      $('fault-error').textContent = e.message;
    }
  }

  // ---- rate limits ----
  async function refreshRates() {
    let limits;
    try { limits = await api('/console/rate-limits'); } catch (e) { return; }
    $('rate-enabled').textContent = limits.enabled ? 'enforced' : 'off';
    const usage = (limits.usage || []).filter((u) => u.windows.length > 0);
    const per = (ms) => (ms % 3600000 === 0 ? ms / 3600000 + ' h' : ms % 60000 === 0 ? ms / 60000 + ' min' : ms / 1000 + ' s');
    const blocks = usage.map((u) => el('div', { class: 'key', 'data-key': u.key_fingerprint, 'data-class': u.class },
      el('div', { class: 'key-head' }, keyLabel(u.key_fingerprint), el('span', { class: 'badge' }, u.class)),
      u.windows.map((w) => {
        const share = Math.min(1, w.used / w.limit);
        return el('div', {}, el('div', { class: 'bar' + (share >= 0.8 ? ' hot' : '') }, el('span', { style: 'width:' + (share * 100).toFixed(1) + '%' })),
          el('div', { class: 'bar-label' }, w.used + ' of ' + w.limit + ' per ' + per(w.window_ms)));
      })));
    const none = limits.enabled ? 'no key has sent a request yet' : 'rate limits are off: nothing is counted';
    $('rate-usage').replaceChildren(...(blocks.length ? blocks : [el('p', { class: 'empty' }, none)]));
  }

  // ---- clock and version ----
  function renderClock(clock) {
    if (!clock) return;
    $('clock-now').textContent = clock.now.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
    $('clock-mode').textContent = clock.ticking ? 'ticking' : 'frozen';
  }

  async function refreshClock() {
    try { renderClock(await api('/clock')); } catch (e) { /* shown on the next poll */ }
  }

  document.querySelectorAll('[data-advance]').forEach((button) => button.addEventListener('click', async () => {
    renderClock(await postJson('/clock', { advance_seconds: Number(button.dataset.advance) }));
  }));
  $('fault-form').addEventListener('submit', addFault);
  $('request-filter').addEventListener('input', () => [...$('request-rows').children].forEach(applyFilter));

  api('/health').then((h) => { $('version').textContent = 'v' + h.version; }).catch(() => {});
  refreshState();
  refreshFaults();
  refreshRates();
  connectStream();
  setInterval(() => { refreshRates(); refreshClock(); }, POLL_MS);
})();
