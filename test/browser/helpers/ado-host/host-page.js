// The host side of an Azure DevOps extension frame, for browser tests. Azure DevOps talks to an
// extension's iframe over XDM (postMessage RPC): the SDK in the frame calls
// `DevOps.HostControl.initialHandshake` and gets its context, configuration and theme; it asks
// `DevOps.ServiceManager.getService(id)` for host services, whose methods then run here; and the
// host calls the objects the frame registered (form events, widget load). This page does the same
// with Microsoft's own XDM module (served from the SDK package), and offers the services the
// extension uses, backed by their documented behaviour:
//   ms.vss-features.extension-data-service → the Node-side fake Extension Data Service
//   ms.vss-features.location-service       → this organization's REST root (the ADO emulator)
//   ms.vss-features.host-navigation-service → navigations recorded for the test
//   ms.vss-work-web.work-item-form          → the work item open on this form
//   ms.vss-features.identity-service        → the organization's people, searched by name or address
/* global document, window, fetch */
import { channelManager } from '/sdk/XDM.js';

const config = JSON.parse(document.getElementById('host-config').textContent);
const kind = config.contribution.type;

const state = {
  initOptions: undefined,
  loaded: false,
  loadFailed: undefined,
  navigations: [],
  resizes: [],
  notifications: [],
  workItemId: config.workItem ? config.workItem.id : 0,
};
let markLoaded;
const loaded = new Promise((resolve) => (markLoaded = resolve));

// ---- the page around the frame (only what places the extension where Azure DevOps puts it) ----

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

const STATES = { todo: 'New', 'in-progress': 'Active', done: 'Closed', cancelled: 'Removed' };
const root = document.getElementById('host');
const topbar = el('header', { class: 'host-topbar' }, el('span', { class: 'host-logo', 'aria-hidden': 'true' }, '▲'), el('span', {}, 'Azure DevOps'), el('span', { class: 'host-crumb' }, `${config.host.name} / ${config.project.name} / ${kind.includes('dashboards') ? 'Overview / Dashboards' : 'Boards'}`));
root.append(topbar);
const frame = el('iframe', { title: String(config.contribution.properties.name ?? config.contribution.relativeId), class: 'host-frame', src: config.pageUrl });

if (kind === 'ms.vss-work-web.work-item-form-group') {
  const item = config.workItem;
  root.append(
    el(
      'main',
      { class: `host-form host-type-${(item.type || 'story').toLowerCase().replace(/\s+/g, '-')}` },
      el(
        'div',
        { class: 'host-titlebar' },
        el('p', { class: 'host-type' }, item.type.toUpperCase()),
        el('h1', { class: 'host-title' }, el('span', { class: 'host-id' }, String(item.id)), ` ${item.title}`),
        el('div', { class: 'host-state-row' }, el('span', {}, 'State ', el('strong', {}, STATES[item.status] ?? item.status)), el('span', {}, 'Area ', el('strong', {}, config.project.name))),
        el('div', { class: 'host-tabs' }, el('span', { class: 'host-tab-active' }, 'Details'), el('span', {}, 'History'), el('span', {}, 'Links')),
      ),
      el(
        'div',
        { class: 'host-columns' },
        el('section', { class: 'host-column' }, el('h2', { class: 'host-group-title' }, 'Description'), el('p', { class: 'host-muted' }, `${item.type} ${item.id}.`)),
        el('section', { class: 'host-column' }, el('h2', { class: 'host-group-title' }, 'Planning'), el('p', { class: 'host-muted' }, item.parent ? `Parent ${item.parent}` : 'No parent')),
        el('section', { class: 'host-column host-extension-group' }, el('h2', { class: 'host-group-title' }, String(config.contribution.properties.name)), frame),
      ),
    ),
  );
  frame.style.height = `${config.contribution.properties.height ?? 300}px`;
} else if (kind === 'ms.vss-web.hub') {
  const nav = el('nav', { class: 'host-nav', 'aria-label': 'Boards' }, ...['Work items', 'Boards', 'Backlogs', 'Sprints', 'Queries', 'OKRs', 'OKR plan'].map((name) => el('span', { class: name === config.contribution.properties.name ? 'host-nav-selected' : '' }, name)));
  root.append(el('div', { class: 'host-hub' }, nav, el('main', { class: 'host-hub-content' }, frame)));
} else if (kind === 'ms.vss-dashboards-web.widget') {
  root.append(el('main', { class: 'host-dashboard' }, el('h1', { class: 'host-dashboard-title' }, `${config.team.name} - Overview`), el('div', { class: 'host-widget' }, frame)));
} else {
  const save = el('button', { type: 'button', class: 'host-save' }, 'Save');
  save.addEventListener('click', () => void window.adoHost.save());
  root.append(el('main', { class: 'host-config-pane' }, el('h1', { class: 'host-dashboard-title' }, 'Configuration'), frame, save, el('p', { id: 'host-save-result', role: 'status' })));
}

// ---- the frame channel ----

const channel = channelManager.addChannel(frame.contentWindow, config.extensionOrigin);
const registry = channel.getObjectRegistry();

registry.register('DevOps.HostControl', {
  initialHandshake(options) {
    state.initOptions = options;
    return {
      contributionId: config.contribution.id,
      context: {
        extension: config.extension,
        user: config.user,
        host: config.host,
        pageContext: {
          webContext: { project: config.project, team: config.team },
          globalization: { culture: 'en-US', explicitTheme: '', theme: config.theme.name === 'dark' ? 'ms.vss-web.vsts-theme-dark' : 'ms.vss-web.vsts-theme', timeZoneId: 'UTC', timezoneOffset: 0, typeAheadDisabled: false },
          timeZonesConfiguration: { daylightSavingsAdjustments: [] },
        },
      },
      initialConfig: {},
      themeData: config.theme.data,
    };
  },
  notifyLoadSucceeded() {
    state.loaded = true;
    markLoaded();
  },
  notifyLoadFailed(e) {
    state.loadFailed = String(e && e.message ? e.message : e);
    markLoaded();
  },
  getAccessToken() {
    return { token: config.token };
  },
  getAppToken() {
    return { token: 'app-token' };
  },
  resize(width, height) {
    state.resizes.push([width, height]);
    if (typeof height === 'number' && height > 0) frame.style.height = `${height}px`;
  },
});

/** Extension Data Service calls are answered by the fake in the test process. */
async function extensionData(method, args) {
  const response = await fetch('/__host/extension-data', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) });
  const answer = await response.json();
  if (answer.ok) return answer.result;
  // As the host's REST layer throws it: an Error with the HTTP status and the server's exception.
  const error = new Error(answer.error.message);
  error.name = answer.error.name;
  error.status = answer.error.status;
  error.serverError = answer.error.serverError;
  throw error;
}

function dataManager() {
  const call =
    (method) =>
    (...args) =>
      extensionData(method, args);
  return {
    getDocument: call('getDocument'),
    getDocuments: call('getDocuments'),
    createDocument: call('createDocument'),
    setDocument: call('setDocument'),
    updateDocument: call('updateDocument'),
    deleteDocument: call('deleteDocument'),
  };
}

const services = {
  'ms.vss-features.extension-data-service': {
    getExtensionDataManager(extensionId, accessToken) {
      if (extensionId !== config.extension.id) throw new Error(`extension ${extensionId} is not installed`);
      if (accessToken !== config.token) throw new Error('invalid access token');
      return dataManager();
    },
  },
  'ms.vss-features.location-service': {
    getResourceAreaLocation() {
      return Promise.resolve(config.orgUrl);
    },
    getServiceLocation() {
      return Promise.resolve(config.orgUrl);
    },
  },
  'ms.vss-features.host-navigation-service': {
    navigate(url) {
      state.navigations.push({ url, newWindow: false });
    },
    openNewWindow(url) {
      state.navigations.push({ url, newWindow: true });
    },
  },
  'ms.vss-features.identity-service': {
    // The picker matches the start of a name, a word of it, or the address; case-insensitive.
    searchIdentitiesAsync(query) {
      const q = String(query).toLowerCase();
      const hit = (i) => [i.displayName, ...i.displayName.split(' '), i.signInAddress].some((t) => t.toLowerCase().startsWith(q));
      return Promise.resolve(config.identities.filter(hit));
    },
  },
  'ms.vss-work-web.work-item-form': {
    getId() {
      return Promise.resolve(state.workItemId);
    },
    isNew() {
      return Promise.resolve(state.workItemId <= 0);
    },
  },
};

registry.register('DevOps.ServiceManager', {
  getService(contributionId) {
    const service = services[contributionId];
    if (!service) throw new Error(`no host service ${contributionId}`);
    return service;
  },
});

// ---- what the test drives ----

const widgetSettings = () => ({
  name: config.widget.name,
  size: { rowSpan: 2, columnSpan: 2 },
  customSettings: { data: config.widget.settings, version: { major: 1, minor: 0, patch: 0 } },
});

window.adoHost = {
  state,
  config,
  loaded,
  /** Calls a method of the object the frame registered for this contribution. */
  invoke(method, args, instanceId = config.contribution.id) {
    return channel.invokeRemoteMethod(method, instanceId, args);
  },
  /** A work item form event (onLoaded, onSaved, onRefreshed, onUnloaded), for item `id`. */
  async fire(event, args) {
    if (args && typeof args.id === 'number') state.workItemId = args.id;
    return channel.invokeRemoteMethod(event, config.contribution.id, [args]);
  },
  /** Switches the host theme, as Azure DevOps does when the user picks another one. */
  setTheme(data) {
    return channel.invokeRemoteMethod('dispatchEvent', 'DevOps.SdkClient', ['themeChanged', { detail: { data } }]);
  },
  async save() {
    const out = document.getElementById('host-save-result');
    try {
      const status = await channel.invokeRemoteMethod('onSave', config.contribution.relativeId, []);
      state.saved = status;
      out.textContent = `saved: ${status.customSettings.data}`;
    } catch (e) {
      state.saved = e;
      out.textContent = 'not saved';
    }
    return state.saved;
  },
};

// The host's own part of each contribution's life cycle, once the frame says it has loaded.
void loaded.then(async () => {
  if (state.loadFailed) return;
  if (kind === 'ms.vss-work-web.work-item-form-group') {
    await window.adoHost.fire('onLoaded', { id: state.workItemId, isNew: false, isReadOnly: false });
  } else if (kind === 'ms.vss-dashboards-web.widget') {
    // Dashboards find the widget by the id it registered under (the contribution's own id).
    await channel.invokeRemoteMethod('preload', config.contribution.relativeId, [widgetSettings()]);
    try {
      state.widgetStatus = await channel.invokeRemoteMethod('load', config.contribution.relativeId, [widgetSettings()]);
    } catch (e) {
      state.widgetStatus = { failed: e };
    }
  } else if (kind === 'ms.vss-dashboards-web.widget-configuration') {
    const context = {
      notify(event, args) {
        state.notifications.push({ event, args });
        return Promise.resolve({ getResponse: () => Promise.resolve('') });
      },
    };
    state.configStatus = await channel.invokeRemoteMethod('load', config.contribution.relativeId, [widgetSettings(), context]);
  }
  state.ready = true;
});
