/** Saving a proof: the report's data as JSON, or the rendered report as a self-contained HTML page. */
import { downloadBlob } from '../../../shared/download-blob';

const save = downloadBlob;

export function downloadJson(data: unknown, fileName: string) {
  save(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), fileName);
}

/** The element as a standalone page, with the app's own styles inlined so it reads the same offline. */
export function downloadHtml(element: HTMLElement, title: string, fileName: string) {
  const css = [...document.styleSheets]
    .map((sheet) => {
      try {
        return [...sheet.cssRules].map((r) => r.cssText).join('\n');
      } catch {
        return '';
      }
    })
    .join('\n');
  const escapedTitle = title.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  // The page holds lead data: it may show styles and inline images, and can run nothing.
  const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
  const html = `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8">${policy}<title>${escapedTitle}</title><style>${css}</style></head><body class="bg-white p-8 text-slate-900">${element.outerHTML}</body></html>`;
  save(new Blob([html], { type: 'text/html' }), fileName);
}
