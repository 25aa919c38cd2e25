/** Header navigation, in display order. */
export const navigation = [
  { href: "/", label: "Latest" },
  { href: "/tags/", label: "Topics" },
  { href: "/tickers/", label: "Tickers" },
  { href: "/search/", label: "Search" },
] as const;
