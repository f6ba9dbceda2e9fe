/**
 * The columns that say who a lead is and where it came from, in the order a file carries them:
 * the first fields an import maps and the first columns an export writes (source and campaign
 * by name). One list, so an import and an export of the same lead read in the same order.
 */
export const CONTACT_COLUMNS = ['phone', 'name', 'company', 'email', 'source', 'campaign'] as const;
