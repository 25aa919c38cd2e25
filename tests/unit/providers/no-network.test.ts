/**
 * The provider layer asks for what it is configured to ask for and nothing else: no cookie or crumb
 * page, no consent redirect, no version check against the npm registry. msw records every request;
 * any request no handler answers is an error (`onUnhandledFrame: "error"`).
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createCsvHttpProvider } from "../../../scripts/lib/providers/csv-http.ts";
import { createYahooProvider } from "../../../scripts/lib/providers/yahoo.ts";
import { fastRetry, mockServer, providerError, recorded, recordedJson, YAHOO_CHART } from "./support.ts";

const { server, seen, unhandled } = mockServer();
const AAPL = "chart-AAPL-2020-08-31-to-2020-11-07.json";
const yahoo = () => createYahooProvider({ now: () => new Date("2025-02-20T11:47:42Z"), retry: fastRetry });
const csv = (host: string) =>
  createCsvHttpProvider({
    name: "example",
    urlTemplate: `https://${host}/daily/{symbol}.csv`,
    basis: "as-traded",
    volume: "not-reported",
    retry: { ...fastRetry, attempts: 1 },
  });

describe("the provider layer's requests", () => {
  it("are only the ones the handlers serve", async () => {
    server.use(
      http.get(YAHOO_CHART, () => new HttpResponse(recorded(AAPL).body)),
      http.get("https://data.example.com/daily/:file", () =>
        HttpResponse.text("date,open,high,low,close\n2025-01-24,148.87,149.02,142.48,142.62\n"),
      ),
    );
    await yahoo().fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" });
    await csv("data.example.com").fetchDaily({ symbol: "NVDA", from: "2025-01-24", to: "2025-01-24" });
    expect(seen).toEqual([
      "GET https://query2.finance.yahoo.com/v8/finance/chart/AAPL?useYfid=true&interval=1d&includePrePost=false&events=split&lang=en-US&period1=1598832000&period2=1740052062",
      "GET https://data.example.com/daily/NVDA.csv",
    ]);
    expect(unhandled).toEqual([]);
  });

  it("include no version check after a validation failure (yahoo-finance2 would ask the npm registry)", async () => {
    const body = recordedJson(AAPL);
    delete body.chart.result[0].meta.symbol;
    server.use(http.get(YAHOO_CHART, () => HttpResponse.json(body)));
    expect(
      (await providerError(yahoo().fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" })))
        .kind,
    ).toBe("malformed");
    // Let anything the library might have started in the background run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.map((request) => new URL(request.slice(4)).host)).toEqual(["query2.finance.yahoo.com"]);
    expect(unhandled).toEqual([]);
  });

  it("fail, and are recorded, when no handler answers them", async () => {
    const error = await providerError(
      csv("unmocked.example.net").fetchDaily({ symbol: "NVDA", from: "2025-01-24", to: "2025-01-24" }),
    );
    expect(error.kind).toBe("network");
    expect(unhandled).toEqual(["GET https://unmocked.example.net/daily/NVDA.csv"]);
    unhandled.length = 0;
  });
});
