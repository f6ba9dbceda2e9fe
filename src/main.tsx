// First, for its effect: the engine's worker starts before anything else is fetched (see the module).
import './shared/engine/open-engine-at-boot';
import './index.css';

/**
 * The rest of the app is a chunk of its own, fetched and evaluated after the engine's worker has
 * started: the browser runs no module until all of its static imports have arrived, so with the
 * app imported here statically the worker started only once the whole first-screen bundle was
 * in (decision 069). A chunk that cannot be fetched (a tab left open across a new deployment)
 * leaves a line that says so, not an empty page.
 */
import('./app/start-app').catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (!root) return;
  root.setAttribute('role', 'alert');
  root.textContent = navigator.language.toLowerCase().startsWith('zh')
    ? 'LeadLedger 无法启动（应用的文件未能加载）。请重新加载页面。'
    : 'LeadLedger could not start (a file of the app did not load). Reload the page.';
});
