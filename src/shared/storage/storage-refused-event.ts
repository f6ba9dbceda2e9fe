/** Dispatched on window when a screen shows that the browser refused a write for lack of space. */
export const STORAGE_REFUSED_EVENT = 'leadledger:storage-refused';
