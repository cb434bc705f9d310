import { describe, expect, it } from "vitest";
import { evaluateCondition, renderTemplate, templateChoices, templateRoot } from "./jinja";

const choices = templateChoices(JSON.stringify({ cloud: ["AWS", "GCP", "None"], use_queue: "n", name: "x" }));

describe("cookiecutter conditions", () => {
  it("takes the first option of a choice variable as its default and leaves yes/no answers open", () => {
    expect([...choices]).toEqual([["cloud", "AWS"]]);
  });

  it.each([
    ["cookiecutter.cloud == 'AWS'", true],
    ['cookiecutter.cloud == "GCP"', false],
    ["cookiecutter.cloud != 'None'", true],
    ["cookiecutter.use_queue == 'y'", null],
    ["cookiecutter.use_queue == 'y' and cookiecutter.cloud == 'None'", false],
    ["cookiecutter.cloud != 'None' or cookiecutter.use_queue == 'y'", true],
    ["cookiecutter.use_queue == 'y' or cookiecutter.cloud == 'None'", null],
    ["not (cookiecutter.cloud == 'GCP')", true],
    ["cookiecutter.cloud in ['AWS', 'GCP']", true],
    ["cookiecutter.cloud not in ['AWS', 'GCP']", false],
    ["cookiecutter.cloud|lower == 'aws'", null],
  ])("%s is %s", (condition, expected) => {
    expect(evaluateCondition(condition, choices)).toBe(expected);
  });

  it("finds the template root of a path inside {{cookiecutter.x}}", () => {
    expect(templateRoot("{{cookiecutter.slug}}/conf/settings.py")).toBe("");
    expect(templateRoot("tpl/{{ cookiecutter.slug }}/settings.py")).toBe("tpl/");
    expect(templateRoot("app/settings.py")).toBeNull();
  });
});

describe("rendering a templated settings module", () => {
  it("drops branches the defaults rule out, keeps open ones, and keeps line numbers", () => {
    const content = [
      "{% if cookiecutter.cloud == 'None' %}",
      "A = 1",
      "{% elif cookiecutter.cloud == 'AWS' %}",
      "B = 2",
      "{% if cookiecutter.use_queue == 'y' -%}",
      "C = 3",
      "{%- else %}",
      "D = 4",
      "{%- endif %}",
      "{% else %}",
      "E = 5",
      "{% endif %}",
      "U = \"redis://{% if cookiecutter.cloud == 'GCP' %}gcp{% else %}aws{% endif %}:6379/{{ cookiecutter.name }}\"",
    ].join("\n");
    expect(renderTemplate(content, choices).split("\n")).toEqual([
      "",
      "",
      "",
      "B = 2",
      "",
      "C = 3",
      "",
      "D = 4",
      "",
      "",
      "",
      "",
      'U = "redis://aws:6379/x"',
    ]);
  });

  it("leaves a module without tags as it is", () => {
    expect(renderTemplate("A = {'x': 1}\n", choices)).toBe("A = {'x': 1}\n");
  });
});
