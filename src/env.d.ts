declare namespace App {
  interface Locals {
    /** Set by the article page and the feed renderer; read by the MDX components (src/data/ticker-data.ts). */
    article?: import("./lib/mdx/registry.ts").ArticleContext;
    /**
     * Set by the feed renderer only, while it renders article bodies for feeds: a <PriceChart> or a
     * <CompareChart> then renders a plain figure with an image (FeedFigure) instead of the interactive chart. `publish` takes the chart's
     * standalone SVG file (src/lib/chart/svg.ts), keeps it for /charts/<name>.svg, and returns the
     * image's absolute URL.
     */
    chartImages?: {
      publish(svg: string): string;
    };
  }
}
