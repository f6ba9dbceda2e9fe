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
  root.setAttribute('role', 'alert');
  root.textContent =
    initialLanguage() === 'zh-CN'
      ? 'LeadLedger 无法启动。请重新加载页面；您保存的内容不会丢失。'
      : 'LeadLedger could not start. Reload the page: nothing you saved is lost.';
});
