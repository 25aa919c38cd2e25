declare namespace App {
  interface Locals {
    /** Set by the article page and the feed renderer; read by the MDX price components. */
    article?: import("./components/mdx/context.ts").ArticleContext;
    /**
     * Set by the feed renderer only. In a feed, <PriceChart> renders a plain figure with an image instead
     * of the interactive chart: `chartImage` gets the chart and its standalone SVG file (see
     * src/lib/chart-svg.ts), writes it, and returns the image's absolute URL.
     */
    feed?: {
      chartImage(spec: import("./lib/chart.ts").ChartSpec, svg: string): string;
    };
  }
}
