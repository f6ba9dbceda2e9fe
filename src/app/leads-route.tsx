import { LeadConsentPanel } from '../features/compliance/components/lead-consent-panel';
import { LeadsPage } from '../features/leads/components/leads-page';

/** The leads screen, its drawer showing the compliance feature's consent panel (composed here: features do not import each other). */
export function LeadsRoute() {
  return <LeadsPage consentPanel={LeadConsentPanel} />;
}
