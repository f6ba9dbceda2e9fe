// First, for its effect: the engine's worker starts before anything else is fetched (see the module).
import './shared/engine/open-engine-at-boot';
import './index.css';
import { initialLanguage } from './i18n/initial-language';

/**
 * The rest of the app is a chunk of its own, fetched and evaluated after the engine's worker has
 * started: the browser runs no module until all of its static imports have arrived, so with the
 * app imported here statically the worker started only once the whole first-screen bundle was
 * in (decision 069). An app that cannot start (a file that did not load, a tab left open across a
 * new deployment) leaves a line that says so, in the language the screen would have been in, not
 * an empty page.
 */
import('./app/start-app').catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (!root) return;
  const zh = initialLanguage() === 'zh-CN';
  // Plain DOM (React is in the chunk that did not load), styled like the shell's reload banner.
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className =
    'm-6 flex items-center justify-between gap-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900';
  alert.textContent = zh
    ? 'LeadLedger 无法启动。请重新加载页面；您保存的内容不会丢失。'
    : 'LeadLedger could not start. Reload the page: nothing you saved is lost.';
  const reload = document.createElement('button');
  reload.type = 'button';
  // buttonClass('primary')'s look, without the UI kit's module (it would bring React into this entry).
  reload.className =
    'inline-flex items-center justify-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700';
  reload.textContent = zh ? '重新加载' : 'Reload';
  reload.addEventListener('click', () => window.location.reload());
  alert.append(reload);
  root.replaceChildren(alert);
});
