import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { listOrgChain } from '../../../db/repos/org-chain-repo';
import { verifyOrgChain } from '../../../domain/sync/org-chain';

/** The organisation's chain as pulled (empty outside team mode). */
export function useOrgChain() {
  return useLiveQuery(() => listOrgChain(getDb()), []);
}

export function useVerifyOrgChain() {
  return useMutation({
    networkMode: 'always',
    mutationFn: async () => verifyOrgChain(await listOrgChain(getDb())),
  });
}
