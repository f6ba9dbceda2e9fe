import { useCallback, useState } from 'react';

/**
 * Focus goes back where it came from when a dialog closes. Radix returns focus to a
 * `Dialog.Trigger`, but our dialogs and the lead drawer open from state or the URL (no trigger),
 * so without this focus fell to <body>. Call in the component that mounts with the dialog open:
 * the element focused at that moment is the opener. Pass the result as `onCloseAutoFocus`.
 * When the opener is gone (a virtual row re-rendered), `fallback` names where to go instead.
 */
export function useReturnFocus(fallback?: () => HTMLElement | null | undefined): (event: Event) => void {
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  return useCallback(
    (event: Event) => {
      const target = opener && opener !== document.body && opener.isConnected ? opener : fallback?.();
      if (!target) return;
      event.preventDefault();
      target.focus({ preventScroll: false });
    },
    [opener, fallback],
  );
}
