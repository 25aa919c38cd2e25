/**
 * The components editors may use in any article without importing them. The article page and the
 * feed renderer both pass this map, so an article renders the same everywhere.
 */
import Close from "./Close.astro";
import Move from "./Move.astro";
import Price from "./Price.astro";
import PriceChart from "./PriceChart.astro";
import Record from "./Record.astro";

export const mdxComponents = { Close, Move, Price, PriceChart, Record };
