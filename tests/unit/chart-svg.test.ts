import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import {
  resolveChart,
  resolveCompare,
  type ChartProps,
  CHART_FILE_WIDTH,
  chartFileSize,
  chartSvg,
  chartSvgFile,
  compareFileSize,
  compareSvg,
  compareSvgFile,
  FILE_COLOURS,
  SERIES_STYLES,
} from "../../src/lib/chart/index.ts";
import { xmlError } from "../support/feed";
import { tickerData } from "../support/price-data";

const nvda = tickerData("nvda");
const sellOff = { from: "2025-01-13", to: "2025-01-27" };
const spec = (props: ChartProps = sellOff, source = nvda) =>
  resolveChart(source, props, { date: "2025-01-27", asOf: "2025-01-27" });

/** Text of every <text> element, in order. */
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe("the SVG image file", () => {
  const file = chartSvgFile(spec());

  it("is a well-formed standalone SVG document of the chart's size", () => {
    expect(xmlError(file)).toBeUndefined();
    expect(file).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /,
    );
    expect(file).toContain(`width="${CHART_FILE_WIDTH}" height="320" viewBox="0 0 ${CHART_FILE_WIDTH} 320"`);
    expect(chartFileSize(spec())).toEqual({ width: CHART_FILE_WIDTH, height: 320 });
  });

  it("needs no stylesheet, script or theme: explicit colours only", () => {
    expect(file).not.toMatch(/<script|<style|style=|class=|var\(|currentColor|<foreignObject|href=/);
    expect(file).toContain(`fill="${FILE_COLOURS.paper}"`);
  });

  it("uses the light theme's colours from global.css", () => {
    const css = readFileSync("src/styles/global.css", "utf8");
    const root = /:root\s*{([^}]*)}/.exec(css)![1]!;
    for (const [name, hex] of Object.entries(FILE_COLOURS)) expect(root).toContain(`--${name}: ${hex};`);
  });

  it("carries a title and a description", () => {
    expect(file).toContain(`<title>Nvidia (NVDA), 13\u2009–\u200927 Jan 2025</title>`);
    expect(file).toMatch(/<desc>Area chart of the daily close of Nvidia \(NVDA\)/);
  });

  it("labels the first and last date and the highest and lowest close", () => {
    // Highest close in the range: $147.22 on 23 January; lowest: $118.42 on the 27th.
    expect(texts(file)).toEqual(expect.arrayContaining(["$147.22", "$118.42", "13 Jan 2025", "27 Jan 2025"]));
  });

  it("draws one point per bar, in the range's direction colour", () => {
    const line = /<path d="(M[^"]*)" fill="none" stroke="([^"]+)"/.exec(file)!;
    expect(line[1]!.match(/[ML]/g)).toHaveLength(10);
    expect(line[2]).toBe(FILE_COLOURS.down); // Nvidia fell over the range
  });

  it("renders to a picture with an image library (what a feed image converter does)", async () => {
    const { data, info } = await sharp(Buffer.from(file)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([CHART_FILE_WIDTH, 320]);
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    expect(hex(pixel(360, 2))).toBe(FILE_COLOURS.paper);
    let seriesPixels = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (hex([data[i]!, data[i + 1]!, data[i + 2]!]) === FILE_COLOURS.down) seriesPixels++;
    }
    expect(seriesPixels).toBeGreaterThan(200);
  });
});

describe("candles", () => {
  it("draw a body and a wick per bar, green when the close is above the open", () => {
    const svg = chartSvg(spec({ ...sellOff, type: "candles" }), "file");
    expect(svg.match(/<rect x=/g)).toHaveLength(10);
    // 27 Jan opened at 124.80 and closed at 118.42 (down); 13 Jan opened 129.99, closed 133.23 (up).
    const groups = [...svg.matchAll(/<g fill="(#[0-9a-f]{6})" stroke="\1">/g)].map((m) => m[1]);
    expect(groups).toHaveLength(10);
    expect(groups[0]).toBe(FILE_COLOURS.up);
    expect(groups[9]).toBe(FILE_COLOURS.down);
    // Candles span lows and highs: the highest high (148.97, 24 Jan) and lowest low (116.70, 27 Jan).
    expect(texts(svg)).toEqual(expect.arrayContaining(["$148.97", "$116.70"]));
  });
});

describe("markers", () => {
  it("keep labels short, and escape them", () => {
    const svg = chartSvg(
      spec({
        ...sellOff,
        markers: [
          { date: "2025-01-14", label: "R&D <news>" },
          { date: "2025-01-27", label: "Nvidia loses nearly $600bn of market value in a single session" },
        ],
      }),
      "file",
    );
    expect(xmlError(svg)).toBeUndefined();
    expect(texts(svg)).toContain("R&amp;D &lt;news&gt;");
    const long = texts(svg).find((t) => t.startsWith("Nvidia loses"))!;
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(28);
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });

  it("put labels of neighbouring days on different rows", () => {
    const svg = chartSvg(
      resolveChart(tickerData("byd"), {
        from: "2025-01-20",
        to: "2025-02-21",
        markers: [
          { date: "2025-02-11", label: "Record intraday high" },
          { date: "2025-02-12", label: "Record close" },
        ],
      }),
      "file",
    );
    const rows = [...svg.matchAll(/<text [^>]*y="(\d+)"[^>]*>Record/g)].map((m) => m[1]);
    expect(rows).toHaveLength(2);
    expect(new Set(rows).size).toBe(2);
  });

  it("show several markers on one day as one, with a count", () => {
    const svg = chartSvg(
      spec({
        ...sellOff,
        markers: [
          { date: "2025-01-27", label: "Sell-off" },
          { date: "2025-01-27", label: "Record loss" },
        ],
      }),
      "file",
    );
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(texts(svg)).toContain("Sell-off +1");
  });
});

describe("the inline variant", () => {
  const svg = chartSvg(spec(), "inline");

  it("fills the column at the chart's height and takes its colours from the theme", () => {
    expect(xmlError(svg)).toBeUndefined();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="320" /);
    expect(svg).not.toMatch(/#[0-9a-f]{6}/i);
    expect(svg).toContain('class="stroke-down"');
    expect(svg).toContain('class="fill-muted"');
    expect(svg).not.toMatch(/<script|<style|style=/);
  });

  it("is labelled for assistive technology", () => {
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain('aria-label="Area chart of the daily close of Nvidia (NVDA)');
  });

  it("lays labels out for a phone and for wider screens when they differ", () => {
    const crowded = chartSvg(
      resolveChart(tickerData("bidu"), {
        from: "2025-01-17",
        to: "2025-02-21",
        markers: [
          { date: "2025-01-27", label: "DeepSeek shock" },
          { date: "2025-02-14", label: "Next-gen model report" },
        ],
      }),
      "inline",
    );
    expect(crowded).toContain('<g class="sm:hidden">');
    expect(crowded).toContain('<g class="max-sm:hidden">');
  });
});

describe("volume", () => {
  const svg = chartSvg(spec({ ...sellOff, volume: true }), "file");

  it("draws a bar per day under the price, scaled to the highest volume, which it labels", () => {
    expect(xmlError(svg)).toBeUndefined();
    // 818,830,900 shares on 27 January, the most in the range.
    expect(texts(svg)).toContain("Volume (highest 818.83M)");
    const pane =
      /<svg x="0" y="(\d+)" width="100%" height="(\d+)" viewBox="0 0 100 \2" preserveAspectRatio="none"><g [^>]*>(.*?)<\/g><\/svg>/.exec(
        svg,
      )!;
    const bars = [...pane[3]!.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(10);
    expect(Math.max(...bars)).toBe(Number(pane[2]));
    // The price plot ends above the pane.
    const rules = [...svg.matchAll(/<line x1="0" x2="100%" y1="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...rules)).toBeLessThan(Number(pane[1]));
  });

  it("is absent unless asked for", () => {
    expect(chartSvg(spec(), "file")).not.toContain("Volume");
  });
});

describe("days after publication", () => {
  const later = spec({ from: "2025-01-13", to: "2025-02-03", afterPublication: true });

  it("are shaded from the first of them to the end, and labelled", () => {
    const svg = chartSvg(later, "file");
    expect(xmlError(svg)).toBeUndefined();
    // 15 bars, the 11th (28 January) the first after publication: from 10/15 of the width.
    expect(svg).toMatch(
      new RegExp(
        `<rect x="66\\.67%" y="\\d+" width="33\\.33%" height="\\d+" fill="${FILE_COLOURS.muted}" fill-opacity="0\\.12"/>`,
      ),
    );
    expect(texts(svg)).toContain("After publication");
    expect(chartSvg(later, "inline")).toMatch(
      /<rect x="66\.67%" [^>]*class="fill-muted" fill-opacity="0\.12"\/>/,
    );
  });

  it("are not shaded without afterPublication", () => {
    expect(texts(chartSvg(spec(), "file"))).not.toContain("After publication");
  });
});

describe("a comparison", () => {
  const chips = ["nvda", "avgo", "tsm", "ixic"].map(tickerData);
  const compare = resolveCompare(chips, { from: "2025-01-24", to: "2025-01-31" });
  const file = compareSvgFile(compare);

  it("is a standalone SVG file with a title, a description and a legend naming each series", () => {
    expect(xmlError(file)).toBeUndefined();
    expect(file).toContain(`width="${CHART_FILE_WIDTH}" height="320"`);
    expect(compareFileSize(compare)).toEqual({ width: CHART_FILE_WIDTH, height: 320 });
    expect(file).toMatch(
      /<title>Nvidia, Broadcom, TSMC and Nasdaq Composite, 24\u2009–\u200931 Jan 2025<\/title>/,
    );
    expect(texts(file)).toEqual(
      expect.arrayContaining(["Nvidia (NVDA)", "Broadcom (AVGO)", "TSMC (TSM)", "Nasdaq Composite (^IXIC)"]),
    );
    expect(file).not.toMatch(/<script|<style|style=|class=|var\(/);
  });

  it("draws one line per series in its colour and dash pattern, a point per date", () => {
    const lines = [
      ...file.matchAll(
        /<path d="([^"]+)" fill="none" stroke="(#[0-9a-f]{6})"[^>]*?(?: stroke-dasharray="([^"]+)")? vector-effect[^>]* data-series="([^"]+)"/g,
      ),
    ];
    expect(lines.map((m) => m[4])).toEqual(["nvda", "avgo", "tsm", "ixic"]);
    lines.forEach((m, i) => {
      expect(m[1]!.match(/[ML]/g)).toHaveLength(6);
      expect(m[2]).toBe(FILE_COLOURS[SERIES_STYLES[i]!.colour]);
      expect(m[3] ?? "").toBe(SERIES_STYLES[i]!.dash);
    });
  });

  it("labels the highest and lowest value and both end dates", () => {
    // Rebased: the highest is 100 (every series starts there and fell); the lowest Broadcom's 82.60 on the 27th.
    expect(texts(file)).toEqual(expect.arrayContaining(["100.00", "82.60", "24 Jan 2025", "31 Jan 2025"]));
  });

  it("in the page, takes its colours from the theme and leaves the legend to the HTML", () => {
    const inline = compareSvg(compare, "inline");
    expect(xmlError(inline)).toBeUndefined();
    expect(inline).not.toMatch(/#[0-9a-f]{6}/i);
    expect(inline).toContain('class="stroke-series-1"');
    expect(inline).not.toContain("Nvidia (NVDA)");
    expect(inline).toContain('aria-label="Line chart comparing Nvidia, Broadcom, TSMC and Nasdaq Composite');
  });

  it("renders to a picture with an image library", async () => {
    const { info } = await sharp(Buffer.from(file)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([CHART_FILE_WIDTH, 320]);
  });

  it("uses series colours that keep 3:1 against the page in both themes", () => {
    const css = readFileSync("src/styles/global.css", "utf8");
    const block = (selector: RegExp) => selector.exec(css)![1]!;
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    for (const theme of [block(/:root\s*{([^}]*)}/), block(/\[data-theme="dark"\]\s*{([^}]*)}/)]) {
      const token = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(theme)![1]!;
      for (const style of SERIES_STYLES)
        expect(ratio(token(style.colour), token("paper"))).toBeGreaterThanOrEqual(3);
    }
  });
});
