/**
 * "Edit this article" links: the article's source file in the site's repository, from the one site
 * setting `site.editBaseUrl` (the web address of the repository's content folder). No setting, no link.
 */
import { site } from "./config.ts";

const CONTENT_ROOT = "content/";

/**
 * `content/articles/nvidia-rout.mdx` with base `https://github.com/acme/desk/edit/main/content` gives
 * `https://github.com/acme/desk/edit/main/content/articles/nvidia-rout.mdx`. Undefined when the base
 * is empty or the file is not under content/.
 */
export function editUrl(file: string | undefined, base: string = site.editBaseUrl): string | undefined {
  if (!base || !file?.startsWith(CONTENT_ROOT)) return undefined;
  const path = file.slice(CONTENT_ROOT.length).split("/").map(encodeURIComponent).join("/");
  return `${base.replace(/\/+$/, "")}/${path}`;
}
