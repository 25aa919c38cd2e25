import { describe, expect, it } from "vitest";
import { distFiles, readDist } from "../support/dist";
import { makeValidator } from "../support/html-validate";

const pages = distFiles(".html");
const validator = makeValidator();

describe("every built page is valid HTML (html-validate, recommended rules)", () => {
  it.each(pages)("%s", async (file) => {
    const report = await validator.validateString(readDist(file), `dist/${file}`);
    const problems = report.results.flatMap((result) =>
      result.messages.map(
        (m) => `${result.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ""})`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
