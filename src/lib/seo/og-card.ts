/**
 * What each Open Graph card says, separate from how it is drawn (src/lib/seo/og-image-files.ts), so the wording
 * is tested without rendering images.
 */
import { site } from "../site/config.ts";
import { formatDate } from "../site/dates.ts";
import { chipFigure } from "../prices/figures.ts";
import type { SeriesEvents } from "../prices/splits.ts";
import type { Direction } from "../prices/format.ts";
import type { Bar } from "../prices/snapshot.ts";
import type { Ticker } from "../content/schema.ts";

/** What a card says. */
export interface OgCard {
  /** Site name, top left. */
  site: string;
  /** The headline (or the page name). */
  title: string;
  /** Kicker above the headline, e.g. the date: "27 January 2025". */
  kicker?: string;
  /** The main ticker's move: "NVDA fell 16.97%", with its direction for the colour. */
  move?: { text: string; direction: Direction };
  /** Footer line, e.g. the site's address. */
  footer: string;
}

const host = new URL(site.url).host;

/**
 * An article's card: its date, headline and the day move of its first (main) ticker as its chip shows
 * it (that day's, or the last trading day's before it), e.g. "NVDA fell 16.97% on 27 Jan 2025". No
 * ticker, no move line.
 */
export function articleCard(
  article: { title: string; date: string; tickers: readonly string[] },
  tickerById: ReadonlyMap<string, Ticker>,
  bars: ReadonlyMap<string, readonly Bar[]>,
  events: ReadonlyMap<string, SeriesEvents> = new Map(),
): OgCard {
  const card: OgCard = {
    site: site.name,
    title: article.title,
    kicker: formatDate(article.date),
    footer: host,
  };
  const main = article.tickers[0];
  const ticker = main === undefined ? undefined : tickerById.get(main);
  const series = ticker && bars.get(ticker.id);
  const figure = ticker && series && chipFigure(series, ticker, article.date, events.get(ticker.id));
  if (ticker && figure?.move) {
    card.move = {
      text: `${ticker.symbol} ${figure.move.words} on ${formatDate(figure.date, "short")}`,
      direction: figure.move.direction,
    };
  }
  return card;
}

/** The card of every page that is not an article. */
export function siteCard(): OgCard {
  return { site: site.name, title: site.description, footer: host };
}
