/** How an MDX component tag is shown in messages, as the editor wrote it: <Move ticker="nvda" date="2025-01-27"> */
export function describeTag(name: string, props: object): string {
  const attrs = Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      typeof value === "string" ? `${key}="${value}"` : `${key}={${JSON.stringify(value)}}`,
    );
  return `<${[name, ...attrs].join(" ")}>`;
}
