/**
 * The site's content collections: each wired to its loader (src/data/loaders.ts, which validates every
 * entry and the references between them) and its schema (src/lib).
 */
import { defineCollection } from "astro:content";
import { articleSchema, authorSchema, tagSchema, tickerSchema } from "@/lib/content";
import { priceSnapshotSchema } from "@/lib/prices";
import { articlesLoader, authorsLoader, snapshotsLoader, tagsLoader, tickersLoader } from "@/data/loaders.ts";

const articles = defineCollection({ loader: articlesLoader(), schema: ({ image }) => articleSchema(image) });
const tickers = defineCollection({ loader: tickersLoader(), schema: tickerSchema });
const tags = defineCollection({ loader: tagsLoader(), schema: tagSchema });
const authors = defineCollection({ loader: authorsLoader(), schema: authorSchema });
const prices = defineCollection({ loader: snapshotsLoader(), schema: priceSnapshotSchema });

export const collections = { articles, tickers, tags, authors, prices };
