/**
 * The markers of a ticker page's full-range chart: one per article about the ticker, on the trading
 * session that first reacted to it (the article's date, or the next trading day for a weekend story),
 * labelled with the headline and linking to the article.
 */
import { tradingDayOnOrAfter } from "./prices.ts";
import { articlePath } from "./paths.ts";
import type { ChartMarker } from "./chart.ts";
import type { Bar } from "./schema.ts";

export function articleMarkers(
  bars: readonly Bar[],
  articles: readonly { id: string; data: { title: string; date: string } }[],
): ChartMarker[] {
  const last = bars.at(-1)?.date;
  return articles
    .filter((article) => last !== undefined && article.data.date <= last)
    .map((article) => ({
      date: tradingDayOnOrAfter(bars, article.data.date),
      label: article.data.title,
      href: articlePath(article.id),
    }));
}
