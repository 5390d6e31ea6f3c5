import { createAskView } from './ask-view.js';
import type { PolicyFile } from './bundled-policies.js';
import { h, replaceChildren } from '@fairpost/page-kit/dom';
import { type LoadedPolicy, loadPolicy } from './load-policy.js';
import { createPolicyView } from './policy-view.js';

/** A view of the page: its element, and what to do when it is first shown (e.g. draw a chart that needs layout). */
export interface View {
  readonly element: HTMLElement;
  readonly shown?: () => void;
}

const ROUTES = [
  { hash: '#ask', label: 'Can I post this?' },
  { hash: '#targeted', label: 'I’m being targeted' },
  { hash: '#policy', label: 'The policy' },
  { hash: '#lead', label: 'Safety lead' },
] as const;
type Route = (typeof ROUTES)[number]['hash'];

const isRoute = (hash: string): hash is Route => ROUTES.some((r) => r.hash === hash);

/**
 * A view whose code is loaded when it is first shown: the incident views bring a date library that "Can I post
 * this?" never needs, so they stay out of the page's first bundle.
 */
function lazyIncidentView(create: (views: typeof import('./incident-views.js')) => HTMLElement): View {
  const element = h('div', { class: 'lazy-view' }, h('p', { class: 'loading' }, 'Loading…'));
  return {
    element,
    shown: () => {
      void import('./incident-views.js').then((views) => replaceChildren(element, create(views)));
    },
  };
}

/**
 * Mounts the intranet page: a header naming the policy, navigation between the three views, and a way to load
 * another policy (pick a bundled one, choose a file, or drop one on the page).
 */
export function createApp(
  root: HTMLElement,
  bundled: readonly PolicyFile[],
  initial: PolicyFile | undefined,
): void {
  let route: Route = isRoute(location.hash) ? location.hash : '#ask';
  let views: Partial<Record<Route, View>> = {};
  const shown = new Set<Route>();

  const masthead = h('header', { class: 'masthead' });
  const nav = h('nav', { 'aria-label': 'Views' });
  const problems = h('div', { class: 'problems', role: 'alert' });
  const viewHost = h('div', { class: 'views' });
  const main = h('main', { id: 'main', tabindex: -1 }, problems, viewHost);
  const status = h('p', { class: 'policy-status', role: 'status' });

  const select = h(
    'select',
    {
      id: 'bundled-policy',
      onchange: () => {
        const file = bundled.find((p) => p.name === select.value);
        if (file) use(loadPolicy(file.name, file.text));
      },
    },
    h('option', { value: '', disabled: true }, 'A file of your own'),
    bundled.map((p) => h('option', { value: p.name, selected: p.name === initial?.name }, p.name)),
  );
  const fileInput = h('input', {
    id: 'policy-file',
    type: 'file',
    accept: '.yaml,.yml,.json,application/json,application/yaml,text/yaml',
    onchange: () => {
      const file = fileInput.files?.[0];
      if (file) void readFile(file);
      fileInput.value = '';
    },
  });
  const picker = h(
    'footer',
    { class: 'picker' },
    h('h2', {}, 'Use a different policy'),
    status,
    h(
      'div',
      { class: 'picker-row' },
      bundled.length > 0
        ? h('div', { class: 'field' }, h('label', { for: 'bundled-policy' }, 'Example policies'), select)
        : null,
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'policy-file' }, 'Your own policy file (YAML or JSON)'),
        fileInput,
        h('p', { class: 'hint' }, 'Or drop a file anywhere on this page. It stays in your browser.'),
      ),
    ),
  );
  replaceChildren(root, masthead, nav, main, picker);

  async function readFile(file: File) {
    use(loadPolicy(file.name, await file.text()));
  }

  function use(loaded: LoadedPolicy) {
    if (!loaded.ok) {
      replaceChildren(
        problems,
        h('h2', {}, `We could not use ${loaded.name}`),
        h(
          'p',
          {},
          `It has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}. `,
          Object.keys(views).length > 0 ? 'The page still uses the policy it had before.' : '',
        ),
        h(
          'ul',
          { class: 'problem-list' },
          loaded.problems.map((p) => h('li', {}, h('code', {}, p))),
        ),
      );
      return;
    }
    replaceChildren(problems);
    const { compiled, policy } = loaded;
    replaceChildren(
      masthead,
      h('p', { class: 'organisation' }, policy.organisation),
      h('h1', {}, 'Social media at work'),
      h('p', { class: 'policy-name' }, `${policy.title}, version ${policy.version}`),
    );
    select.value = bundled.some((p) => p.name === loaded.name) ? loaded.name : '';
    replaceChildren(status, 'In use: ', h('strong', {}, policy.title), ` (${loaded.name})`);
    views = {
      '#ask': { element: createAskView(compiled) },
      '#targeted': lazyIncidentView((v) => v.createTargetedView(compiled)),
      '#policy': createPolicyView(compiled),
      '#lead': lazyIncidentView((v) => v.createLeadView(compiled)),
    };
    shown.clear();
    replaceChildren(
      viewHost,
      ROUTES.map((r) => views[r.hash]?.element),
    );
    show(route);
  }

  function show(next: Route) {
    route = next;
    for (const r of ROUTES) {
      const view = views[r.hash];
      if (view) view.element.hidden = r.hash !== next;
    }
    replaceChildren(
      nav,
      h(
        'ul',
        {},
        ROUTES.map((r) =>
          h(
            'li',
            {},
            h('a', { href: r.hash, 'aria-current': r.hash === next ? 'page' : undefined }, r.label),
          ),
        ),
      ),
    );
    const view = views[next];
    if (view && !shown.has(next)) {
      shown.add(next);
      view.shown?.();
    }
  }

  window.addEventListener('hashchange', () => {
    if (isRoute(location.hash)) show(location.hash);
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  });

  if (initial) use(loadPolicy(initial.name, initial.text));
  else
    replaceChildren(problems, h('p', {}, 'No policy is bundled with this page: choose a policy file below.'));
  show(route);
}
