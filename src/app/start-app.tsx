/**
 * The app itself: i18n, the query client, the router, the service worker. Loaded by main.tsx
 * after it has started the grid engine, so the engine's worker opens its index while this part of
 * the bundle is still being fetched and evaluated (decision 069).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { registerSW } from 'virtual:pwa-register';
import { initI18n } from '../i18n/i18n';
import { router } from './router';
import { isQuotaError } from '../db/storage-errors';
import { STORAGE_REFUSED_EVENT } from '../shared/storage/storage-refused-event';

initI18n();

// IndexedDB reads must run offline too: react-query pauses queries offline by default.
const queryClient = new QueryClient({
  defaultOptions: { queries: { networkMode: 'always' }, mutations: { networkMode: 'always' } },
  // A write refused for lack of space puts the storage warning on every screen, whichever
  // mutation it was — also one whose screen shows no storage-full alert of its own.
  mutationCache: new MutationCache({
    onError: (e) => void (isQuotaError(e) && window.dispatchEvent(new Event(STORAGE_REFUSED_EVENT))),
  }),
});

registerSW({ immediate: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
