/**
 * What a ticker page's first screen says in the built site: the quote header, the chart's controls
 * and static fallback, and the news days. A ticker page quotes the snapshot's last bar, and the
 * snapshots grow (npm run update-prices), so the quote's figures are checked on a fixed day in
 * tests/unit/quote.test.ts; here, that the page quotes the last bar, labelled and signed as the
 * reader needs. The news days are fixed days in the past: their figures were worked out by hand from
 * content/prices/nvda.json and are written literally.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDist } from "../support/dist";
import { decodeEntities, tags } from "../support/html";

/** A page's text with its tags removed and its spaces collapsed (thin spaces too). */
const text = (html: string): string =>
  decodeEntities(html.replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

/** The HTML from the first match of `open` up to and including the next `close`. */
function part(html: string, open: RegExp, close: string): string {
  const start = html.search(open);
  expect(start, `${open} is not on the page`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf(close, start) + close.length);
}

/** `[label, value]` of each `<dt>`/`<dd>` pair in a part of a page. */
const terms = (html: string): [string, string][] =>
  [...html.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)].map(([, dt, dd]) => [
    text(dt!),
    text(dd!),
  ]);

const snapshot = (ticker: string): { date: string; close: number }[] =>
  (
    JSON.parse(readFileSync(`content/prices/${ticker}.json`, "utf8")) as {
      bars: { date: string; close: number }[];
    }
  ).bars;

/** A change as the quote writes it: arrow, the direction in words, signed amount, signed percentage. */
const CHANGE = {
  usd: /^(▲ up \+\$[\d,]+\.\d\d \(\+[\d,]+\.\d\d%\)|▼ down -\$[\d,]+\.\d\d \(-[\d,]+\.\d\d%\)|\$0\.00 \(0\.00%\))$/,
  points:
    /^(▲ up \+[\d,]+\.\d\d points \(\+[\d,]+\.\d\d%\)|▼ down -[\d,]+\.\d\d points \(-[\d,]+\.\d\d%\)|0\.00 points \(0\.00%\))$/,
};

describe("a ticker page's quote header", () => {
  const quoteOf = (ticker: string) =>
    part(readDist(`tickers/${ticker}/index.html`), /<section aria-labelledby="quote-heading"/, "</section>");

  it("leads with the snapshot's last close and its date, the day's change signed and in words", () => {
    const quote = quoteOf("nvda");
    const last = snapshot("nvda").at(-1)!;
    const lead = text(part(quote, /<p /, "</p>"));
    // Nvidia's closes have stayed under $1,000: two decimals, no thousands separator.
    expect(lead.startsWith(`Last close $${last.close.toFixed(2)} `), lead).toBe(true);
    expect(lead.endsWith("; prices in USD"), lead).toBe(true);
    expect(quote).toContain(`as of <time datetime="${last.date}">`);
    const move = lead.slice(lead.indexOf(" ", "Last close $".length) + 1, lead.indexOf(" as of "));
    expect(move).toMatch(CHANGE.usd);
  });

  it("labels the day's figures, the range and the volumes, and the four changes, in order", () => {
    const lines = terms(quoteOf("nvda"));
    // The data begin on 1 October 2024: until they cover 52 weeks, the range says since when.
    const since = snapshot("nvda").at(-1)!.date < "2025-09-30" ? "Range since 1 Oct 2024" : "52-week range";
    // 1Y goes back twelve calendar months, to 1 October 2024 once the data reach 1 October 2025.
    const year = snapshot("nvda").at(-1)!.date < "2025-10-01" ? "Since 1 Oct 2024" : "1 year";
    expect(lines.map(([label]) => label)).toEqual([
      "Open",
      "Day's high",
      "Day's low",
      since,
      "Volume",
      "Average volume, 3 months",
      "1 month",
      "3 months",
      "Year to date",
      year,
    ]);
    const values = lines.map(([, value]) => value);
    for (const price of values.slice(0, 3)) expect(price).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(values[3]).toMatch(/^\$[\d,]+\.\d\d to \$[\d,]+\.\d\d$/);
    for (const volume of values.slice(4, 6)) expect(volume).toMatch(/^\d+\.\d\d[KMB]$/);
    for (const change of values.slice(6)) expect(change).toMatch(CHANGE.usd);
  });

  it("states an index in points, with no currency", () => {
    const quote = quoteOf("ixic");
    const lead = text(part(quote, /<p /, "</p>"));
    expect(lead).toMatch(/^Last close [\d,]+\.\d\d points (▲ up|▼ down|0\.00)/);
    expect(lead.endsWith("; an index, in points"), lead).toBe(true);
    const values = terms(quote).map(([, value]) => value);
    for (const price of values.slice(0, 3)) expect(price).toMatch(/^[\d,]+\.\d\d points$/);
    expect(values[3]).toMatch(/^[\d,]+\.\d\d points to [\d,]+\.\d\d points$/);
    for (const change of values.slice(6)) expect(change).toMatch(CHANGE.points);
    expect(quote).not.toMatch(/\$|USD/);
  });
});

describe("a ticker page's chart", () => {
  const nvda = readDist("tickers/nvda/index.html");
  const controls = part(
    nvda,
    /<div [^>]*data-chart-controls/,
    "Compare with Nasdaq Composite</button></div>",
  );

  it("ships its range buttons and compare control hidden, for the script to show, with 6M pressed", () => {
    expect(controls).toMatch(/^<div [^>]*data-chart-controls hidden>/);
    const buttons = tags(controls, "button");
    expect(buttons.map((b) => b["data-range"] ?? "compare")).toEqual([
      "1M",
      "3M",
      "6M",
      "YTD",
      "1Y",
      "All",
      "compare",
    ]);
    expect(buttons.map((b) => b["aria-pressed"])).toEqual([
      "false",
      "false",
      "true",
      "false",
      "false",
      "false",
      "false",
    ]);
    expect(controls).toContain('<div role="group" aria-label="Chart range"');
  });

  it("shows six months in its static form: its summary alone, and a table of the sessions it spans", () => {
    const bars = snapshot("nvda");
    const last = bars.at(-1)!;
    const caption = text(part(nvda, /<figcaption /, "</summary>"));
    const summary =
      /^6 months, (\d+ \w+(?: \d{4})?) – (\d+ \w+ \d{4}): Nvidia (rose|fell) \d+\.\d\d%, from \$[\d.]+ to \$([\d.]+)\. /.exec(
        caption,
      );
    expect(summary, caption).not.toBeNull();
    expect(summary![4]).toBe(last.close.toFixed(2));
    // The summary, then the source: a fixed caption of the opening range would go stale on another.
    expect(caption.slice(summary![0].length)).toMatch(
      /^Sources?: .+?; prices as traded\. Data table \(\d+ trading days, 6 months\)$/,
    );
    const table = part(nvda, /<table class="tabular w-full border-collapse text-right[^"]*">/, "</table>");
    const dates = tags(table, "time").map((t) => t.datetime!);
    expect(dates.at(-1)).toBe(last.date);
    // The table's rows are the snapshot's sessions from the range's first day, as many as it says.
    expect(dates).toEqual(bars.filter((bar) => bar.date >= dates[0]!).map((bar) => bar.date));
    expect(caption).toContain(`Data table (${dates.length} trading days, 6 months)`);
    // Six months back from the last close: 26 weeks, give or take the days the month lengths add.
    expect(dates.length).toBeGreaterThan(115);
    expect(dates.length).toBeLessThan(132);
  });

  it("offers no comparison where the ticker has no benchmark", () => {
    // BYD trades in Hong Kong; no Hong Kong index is tracked (content/tickers.yaml).
    const byd = readDist("tickers/byd/index.html");
    expect(byd).toContain("data-chart-controls hidden");
    expect(byd).not.toContain("data-compare");
    expect(byd).not.toContain("Compare with");
  });
});

describe("a ticker page's news days", () => {
  const days = part(readDist("tickers/nvda/index.html"), /<h3 id="days-heading"/, "</table>");
  const rowsOf = (table: string) =>
    [...part(table, /<tbody>/, "</tbody>").matchAll(/<tr[\s\S]*?<\/tr>/g)].map(([row]) => ({
      date: tags(row, "time")[0]?.datetime,
      links: tags(row, "a").map((a) => a.href),
      move: /<td class="[^"]*text-(up|down)">([^<]*)<\/td>/.exec(row)?.slice(1),
    }));

  it("compares the moves on the days with articles with the moves on all days, in a sentence", () => {
    // Nvidia's 12 days with articles (22 Jan to 25 Jul 2025), their moves from NVDA's closes:
    // 4.43 + 16.97 + 8.93 + 0.77 + 0.90 + 0.40 + 8.48 + 7.81 + 18.72 + 6.87 + 3.25 + 0.14 = 77.67,
    // over 12 = 6.47% (6.471 unrounded); the average of all days depends on how far the data run.
    expect(text(days)).toContain("the latest 10 of 12");
    expect(text(days)).toMatch(
      /On the 12 trading days with our articles, Nvidia moved 6\.47% on average, up or down: \d+\.\d\d times its average of \d+\.\d\d% over all \d+ trading days from 2 Oct 2024 to \d+ \w+ \d{4}\./,
    );
  });

  it("lists the latest ten days, newest first, with their articles and moves coloured by direction", () => {
    // Each move is the day's close over the previous close (NVDA.csv).
    expect(rowsOf(days)).toEqual([
      // 173.74 on 24 July to 173.50.
      { date: "2025-07-25", links: ["/articles/six-months-after-deepseek/"], move: ["down", "-0.14%"] },
      // 134.81 to 139.19.
      {
        date: "2025-05-29",
        links: ["/articles/nvidia-rises-as-forecast-holds-despite-h20-hit/"],
        move: ["up", "+3.25%"],
      },
      // 112.20 to 104.49.
      {
        date: "2025-04-16",
        links: ["/articles/nvidia-falls-on-h20-export-charge/"],
        move: ["down", "-6.87%"],
      },
      // 96.30 to 114.33.
      {
        date: "2025-04-09",
        links: ["/articles/nasdaq-soars-after-90-day-tariff-pause/"],
        move: ["up", "+18.72%"],
      },
      // 110.42 to 101.80 (the article's update of 4 April does not move its day).
      {
        date: "2025-04-03",
        links: ["/articles/nasdaq-tumbles-after-sweeping-us-tariffs/"],
        move: ["down", "-7.81%"],
      },
      // 131.28 to 120.15.
      {
        date: "2025-02-27",
        links: ["/articles/nvidia-falls-after-first-results-since-deepseek/"],
        move: ["down", "-8.48%"],
      },
      // 138.85 on 14 February to 139.40 on Tuesday 18 February (the Monday was a holiday).
      {
        date: "2025-02-18",
        links: ["/articles/us-china-ai-race-good-for-business/"],
        move: ["up", "+0.40%"],
      },
      // 128.68 to 129.84.
      { date: "2025-02-07", links: ["/articles/has-us-spent-wisely-on-ai/"], move: ["up", "+0.90%"] },
      // 123.70 to 124.65.
      {
        date: "2025-01-30",
        links: ["/articles/microsoft-falls-as-cloud-growth-disappoints/"],
        move: ["up", "+0.77%"],
      },
      // 118.42 to 128.99. (27 January, with two articles, and 22 January are the two older days.)
      { date: "2025-01-28", links: ["/articles/nvidia-rebounds-after-record-loss/"], move: ["up", "+8.93%"] },
    ]);
  });

  it("gives a day with two articles one row, leading to the ticker's list and to one of them", () => {
    const byd = part(readDist("tickers/byd/index.html"), /<h3 id="days-heading"/, "</table>");
    // BYD's closes (1211.HK.csv): 132.10 to 129.60 on 25 July; 385.60 to 401.40 on 18 March; 330.20
    // to 327.80 on 11 February, the day of both BYD's launch piece and the Tesla piece. The average:
    // (1.893 + 4.098 + 0.727) / 3 = 2.24%.
    expect(text(byd)).toMatch(/On the 3 trading days with our articles, BYD moved 2\.24% on average/);
    expect(rowsOf(byd)).toEqual([
      { date: "2025-07-25", links: ["/articles/six-months-after-deepseek/"], move: ["down", "-1.89%"] },
      { date: "2025-03-18", links: ["/articles/byd-unveils-five-minute-charging/"], move: ["up", "+4.10%"] },
      {
        date: "2025-02-11",
        links: ["/tickers/byd/#articles", "/articles/byd-puts-deepseek-in-its-cars/"],
        move: ["down", "-0.73%"],
      },
    ]);
  });
});
