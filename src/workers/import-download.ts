/**
 * An import's payload downloaded from an http(s) URL: an address that is not one, the network or
 * a CORS block, the server's refusal, a payload too large (by its declared length, before reading
 * it) or empty, each reported as what it is.
 */
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../domain/import-export/cell-checks';
import { ImportFile } from './import-file';

export type OpenProblem =
  | { code: 'file-too-large'; size: number; limit: number }
  | { code: 'empty-file' }
  | { code: 'invalid-url' }
  | { code: 'network-or-cors'; message: string }
  | { code: 'http-error'; status: number; statusText: string };

const httpUrl = z.url({ protocol: /^https?$/ });

/** The payload at `url` as an import file (named after the URL's last path part, or its host). */
export async function downloadImport(
  url: string,
): Promise<{ ok: true; file: ImportFile } | { ok: false; problem: OpenProblem }> {
  if (!httpUrl.safeParse(url).success) return { ok: false, problem: { code: 'invalid-url' } };
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  } catch (e) {
    return { ok: false, problem: { code: 'network-or-cors', message: e instanceof Error ? e.message : String(e) } };
  }
  if (!response.ok)
    return { ok: false, problem: { code: 'http-error', status: response.status, statusText: response.statusText } };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FILE_BYTES) {
    void response.body?.cancel();
    return { ok: false, problem: { code: 'file-too-large', size: declared, limit: MAX_FILE_BYTES } };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length === 0) return { ok: false, problem: { code: 'empty-file' } };
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || new URL(url).host);
  return { ok: true, file: await ImportFile.fromBytes(name, bytes) };
}
