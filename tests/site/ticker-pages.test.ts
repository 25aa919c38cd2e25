/**
 * What a ticker page's first screen says in the built site: the quote header, the chart's controls
 * and static fallback, and the news days. The figures were worked out by hand from
 * content/prices/nvda.json and ixic.json, whose snapshots end on 30 June 2025 (the first test says
 * so, and fails first, should a new import move the last close).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDist } from "../support/dist";
import { decodeEntities, tags } from "../support/html";

/** A page's text with its tags removed and its spaces collapsed. */
const text = (html: string): string =>
  decodeEntities(html.replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

/** The outer HTML of the first element matching `open` up to its `close`. */
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

const lastDate = (ticker: string): string =>
  (JSON.parse(readFileSync(`content/prices/${ticker}.json`, "utf8")) as { bars: { date: string }[] }).bars.at(
    -1,
  )!.date;

describe("a ticker page's quote header", () => {
  const nvda = readDist("tickers/nvda/index.html");
  const quote = part(nvda, /<section aria-labelledby="quote-heading"/, "</section>");

  it("quotes the snapshot's last close, the one these figures were worked out for", () => {
    expect(["nvda", "ixic"].map(lastDate)).toEqual(["2025-06-30", "2025-06-30"]);
  });

  it("leads with the last close, its date and the day's change, the direction in words as well as colour", () => {
    // 157.75 on Friday 27 June to 157.99 on Monday 30 June.
    expect(text(part(quote, /<p /, "</p>"))).toBe(
      "Last close $157.99 ▲ up +$0.24 (+0.15%) as of 30 June 2025 ; prices in USD",
    );
    expect(quote).toContain('<time datetime="2025-06-30">');
    expect(quote).toMatch(/<span class="[^"]*text-up" data-move="up">/);
  });

  it("gives the day's open, high and low, the range since the data begin, and volume against its average", () => {
    expect(terms(quote).slice(0, 6)).toEqual([
      ["Open", "$158.40"],
      ["Day's high", "$158.66"],
      ["Day's low", "$155.96"],
      // The data begin on 1 October 2024, less than 52 weeks back: the lowest low (7 April 2025) and
      // the highest high (27 June) since then, and the label says so.
      ["Range since 1 Oct 2024", "$86.62 to $158.71"],
      ["Volume", "194.58M"],
      // The mean of the 63 sessions from 31 March to 30 June: 249,020,947.6 shares.
      ["Average volume, 3 months", "249.02M"],
    ]);
  });

  it("gives the change to the last close over 1 month, 3 months, the year and since the first bar", () => {
    // From 135.13 (30 May), 109.67 (28 March), 134.29 (31 December) and 117.00 (1 October 2024).
    expect(terms(quote).slice(6)).toEqual([
      ["1 month", "▲ up +$22.86 (+16.92%)"],
      ["3 months", "▲ up +$48.32 (+44.06%)"],
      ["Year to date", "▲ up +$23.70 (+17.65%)"],
      ["Since 1 Oct 2024", "▲ up +$40.99 (+35.03%)"],
    ]);
  });

  it("states an index in points, with no currency", () => {
    const ixic = part(
      readDist("tickers/ixic/index.html"),
      /<section aria-labelledby="quote-heading"/,
      "</section>",
    );
    // 20,273.46 on 27 June to 20,369.73.
    expect(text(part(ixic, /<p /, "</p>"))).toBe(
      "Last close 20,369.73 points ▲ up +96.27 points (+0.47%) as of 30 June 2025 ; an index, in points",
    );
    expect(terms(ixic).slice(0, 4)).toEqual([
      ["Open", "20,360.15 points"],
      ["Day's high", "20,418.31 points"],
      ["Day's low", "20,266.36 points"],
      ["Range since 1 Oct 2024", "14,784.03 points to 20,418.31 points"],
    ]);
    expect(ixic).not.toMatch(/\$|USD/);
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

  it("shows six months in its static form: the summary and a table of the 124 sessions from 30 December", () => {
    // 137.49 on 30 December 2024 to 157.99 on 30 June 2025.
    expect(nvda).toContain(
      "6 months, 30 Dec 2024\u2009–\u200930 Jun 2025: Nvidia rose 14.91%, from $137.49 to $157.99.",
    );
    expect(nvda).toContain("Data table (124 trading days, 6 months)</summary>");
    const table = part(nvda, /<table class="tabular w-full border-collapse text-right">/, "</table>");
    const dates = tags(table, "time").map((t) => t.datetime);
    expect([dates.length, dates[0], dates.at(-1)]).toEqual([124, "2024-12-30", "2025-06-30"]);
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

  it("compares the moves on the days with articles with the moves on all days, in a sentence", () => {
    // |−16.97| + 8.93 + |−2.84| + 0.40 over 4 = 7.28; the mean size of all 185 day moves is 2.47%.
    expect(days).toContain(
      "On the 4 trading days with our articles, Nvidia moved 7.28% on average, up or down: 2.95 times its average of 2.47% over all 185 trading days from 2 Oct 2024 to 30 Jun 2025.",
    );
  });

  it("lists each day, newest first, with its articles and its move coloured by direction", () => {
    const rows = [...part(days, /<tbody>/, "</tbody>").matchAll(/<tr[\s\S]*?<\/tr>/g)].map(([row]) => ({
      date: tags(row, "time")[0]?.datetime,
      links: tags(row, "a").map((a) => a.href),
      move: /<td class="[^"]*text-(up|down)">([^<]*)<\/td>/.exec(row)?.slice(1),
    }));
    expect(rows).toEqual([
      // 138.85 on 14 February to 139.40 on Tuesday 18 February (the Monday was a holiday).
      {
        date: "2025-02-18",
        links: ["/articles/us-china-ai-race-good-for-business/"],
        move: ["up", "+0.40%"],
      },
      // 120.07 on 31 January to 116.66.
      { date: "2025-02-03", links: ["/articles/has-us-spent-wisely-on-ai/"], move: ["down", "-2.84%"] },
      // 118.42 to 128.99.
      {
        date: "2025-01-28",
        links: ["/articles/nvidia-rebounds-after-record-loss/"],
        move: ["up", "+8.93%"],
      },
      // Two articles that day: the row leads to the list, and to the one listed first. 142.62 to 118.42.
      {
        date: "2025-01-27",
        links: ["/tickers/nvda/#articles", "/articles/deepseek-cheap-models-rattle-us-markets/"],
        move: ["down", "-16.97%"],
      },
    ]);
  });
});
