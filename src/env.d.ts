declare namespace App {
  interface Locals {
    /** Set by the article page and the feed renderer; read by the MDX price components. */
    article?: import("./components/mdx/context.ts").ArticleContext;
  }
}
