/** Header navigation, in display order. */
import { indexPaths, searchPath } from "./paths.ts";

export const navigation = [
  { href: "/", label: "Latest" },
  { href: indexPaths.tags, label: "Topics" },
  { href: indexPaths.tickers, label: "Tickers" },
  { href: searchPath, label: "Search" },
] as const;
