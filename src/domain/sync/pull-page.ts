/**
 * The most changes one pull page may hold: the server refuses a larger `limit`, and the app's
 * pull asks for this many. A first sync of 100k leads took 58.7 s in pages of 5,000 against
 * 67.0 s in pages of 1,000 (a page's fixed costs paid a fifth as often); a full page holds the
 * replica's write lock for ~1.5 s, and only a first sync or a long absence brings full pages
 * (decision 064).
 */
export const MAX_PULL_PAGE = 5000;
