/**
 * Plain text in feed formats whose readers may take it for HTML. RSS says nothing about whether a
 * title or category is text or HTML and readers differ, and most render a description as HTML; Atom
 * readers honour `type`. Written as escaped HTML (`<` as `&lt;`, then escaped again by the XML
 * writer), the text reads the same in a reader that renders HTML and in one that decodes entities,
 * and no reader can turn it into markup.
 */
import { escapeText } from "entities";

export function plainTextAsHtml(text: string): string {
  return escapeText(text);
}
