/**
 * One page of each type the site has: the pages the accessibility tests, Lighthouse and the page-weight
 * script all look at, so a new page type is added once, here.
 */
export interface SamplePage {
  /** The page type, as reports name it. */
  name: string;
  /** Site path; the 404 page is reached at a path the site does not have. */
  path: string;
  /** Lighthouse runs on these only (about a minute each). */
  lighthouse?: boolean;
}

export const SAMPLE_PAGES: readonly SamplePage[] = [
  { name: "home", path: "/", lighthouse: true },
  // An article whose chart sits in the first screen.
  { name: "article with a chart", path: "/articles/nvidia-record-one-day-loss/", lighthouse: true },
  // An article with a comparison (<CompareChart>) as well as a price chart.
  {
    name: "article with a comparison",
    path: "/articles/has-us-spent-wisely-on-ai/",
    lighthouse: true,
  },
  { name: "tag index", path: "/tags/" },
  { name: "tag", path: "/tags/nvidia/", lighthouse: true },
  { name: "ticker index", path: "/tickers/" },
  { name: "ticker", path: "/tickers/nvda/", lighthouse: true },
  { name: "author index", path: "/authors/" },
  { name: "author", path: "/authors/markets-desk/" },
  { name: "corrections", path: "/corrections/" },
  { name: "about", path: "/about/" },
  // The longest standards page, with a table of every data source.
  { name: "methodology", path: "/methodology/" },
  { name: "corrections policy", path: "/corrections-policy/" },
  { name: "disclaimer", path: "/disclaimer/" },
  { name: "search", path: "/search/" },
  { name: "404", path: "/no-such-page/" },
];
