// First, for its effect: the engine's worker starts before anything else is fetched (see the module).
import './shared/engine/open-engine-at-boot';
import './index.css';
import { initialLanguage } from './i18n/initial-language';
import { buttonClass, RELOAD_NOTICE_CLASS } from './components/ui/button-class';
// The two texts the line needs, from the app's own texts (i18next is in the chunk that did not load).
import en from './i18n/en/common.json';
import zhCN from './i18n/zh-CN/common.json';

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
  const app = (initialLanguage() === 'zh-CN' ? zhCN : en).app;
  // Named by their keys, as t() would name them (the translations test checks every key is asked for).
  const text = (key: 'app.startFailed' | 'app.reload') => (key === 'app.startFailed' ? app.startFailed : app.reload);
  // Plain DOM (React is in the chunk that did not load), with the shell's reload banner's look.
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = `m-6 ${RELOAD_NOTICE_CLASS}`;
  alert.textContent = text('app.startFailed');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = buttonClass('primary');
  reload.textContent = text('app.reload');
  reload.addEventListener('click', () => window.location.reload());
  alert.append(reload);
  root.replaceChildren(alert);
});
