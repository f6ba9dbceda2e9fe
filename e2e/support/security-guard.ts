import type { Page } from '@playwright/test';

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  url: string;
}

export interface SecurityGuard {
  violations: Violation[];
  dialogs: string[];
}

/**
 * Record what must never happen in LeadLedger: a Content-Security-Policy violation (markup or
 * script that got past React, a request to an origin the policy does not allow) and a native
 * dialog (alert/confirm/prompt — the app opens none, so one means injected script ran). An init
 * script keeps each document's violations in `window.__cspViolations` and reports them to the
 * test as they happen, so none is lost when the page navigates. Install before the first
 * navigation. (A violation inside a Web Worker fires in the worker, not here.)
 */
export async function guardPage(page: Page): Promise<SecurityGuard> {
  const guard: SecurityGuard = { violations: [], dialogs: [] };
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  await page.exposeFunction('__leadledgerCspViolation', (v: Violation) => void guard.violations.push(v));
  await page.addInitScript(() => {
    const w = window as unknown as {
      __cspViolations: unknown[];
      __leadledgerCspViolation?: (v: unknown) => Promise<void>;
    };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = {
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI,
        sample: e.sample,
        url: location.href,
      };
      w.__cspViolations.push(v);
      void w.__leadledgerCspViolation?.(v);
    });
  });
  return guard;
}

/** Throw when the page saw a CSP violation or a dialog. */
export function assertNoSecurityIncidents(guard: SecurityGuard): void {
  const problems = [
    ...guard.violations.map(
      (v) => `CSP violation on ${v.url}: ${v.directive} blocked ${v.blockedURI || 'inline'} ${v.sample}`,
    ),
    ...guard.dialogs.map((d) => `dialog opened: ${d}`),
  ];
  if (problems.length) throw new Error(`Security incidents in the page:\n${problems.join('\n')}`);
}
