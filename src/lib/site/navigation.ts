/** Header navigation, in display order. */
import { indexPaths } from "./paths.ts";

export const navigation = [
  { href: "/", label: "Latest" },
  { href: indexPaths.tags, label: "Topics" },
  { href: indexPaths.tickers, label: "Tickers" },
  { href: "/search/", label: "Search" },
] as const;
