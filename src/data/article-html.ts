/**
 * An article body rendered, on its page and for feeds, held to the allowlist of rendered HTML
 * (src/lib/mdx/allowlist.ts): the source was checked already, so anything outside it comes from a
 * component or a Markdown feature the list does not know, and the build stops on it rather than
 * publish it. A failure while rendering names the article's file, whatever threw.
 */
import { ContentError } from "@/lib/content";
import { checkRenderedHtml, type ArticleContext } from "@/lib/mdx";
import { isDevServer } from "@/data/site-data.ts";

/**
 * The dev server annotates every element with its source file and line for its toolbar; a build never
 * does. In dev they are taken out of a body before its checks (here and the feed's), so a preview
 * refuses what the build would refuse and nothing else.
 */
const DEV_ANNOTATIONS = / data-astro-source-(?:file|loc)="[^"]*"/g;
/** In dev a component's script is served from its source (`/src/components/X.astro?astro&type=script…`), in a build from /_astro/. */
const DEV_SCRIPT_SRC = / src="\/src\/components\/[\w/-]+\.astro\?astro&(?:amp;)?type=script[^"]*"/g;

/** `render`'s HTML if it passes the allowlist; otherwise an error naming the article's file. */
export async function renderArticleBody(
  article: ArticleContext,
  render: () => Promise<string>,
): Promise<string> {
  let html: string;
  try {
    html = await render();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A component's own error starts with the file and the tag's line already (computeComponent).
    if (message.startsWith(`${article.file}: `)) throw error;
    throw new Error(`${article.file}: (body): rendering failed: ${message}`, { cause: error });
  }
  // A component used twice makes the same problem twice: one line says it.
  if (isDevServer) html = html.replaceAll(DEV_ANNOTATIONS, "");
  // The check sees a dev script as the build's file it stands for; the page keeps the dev server's.
  const checked = isDevServer ? html.replaceAll(DEV_SCRIPT_SRC, ' src="/_astro/dev-script.js"') : html;
  const problems = [...new Set(checkRenderedHtml(checked))];
  if (problems.length > 0) {
    throw new ContentError(
      problems.map(
        (problem) =>
          `${article.file}: (rendered body): ${problem}; a component or the Markdown renderer put it there, so fix the component (src/components/mdx) or extend RENDERED_HTML in src/lib/mdx/allowlist.ts`,
      ),
    );
  }
  return html;
}
