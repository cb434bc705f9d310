import { describe, expect, it } from "vitest";
import {
  evaluateCondition,
  renderTemplate,
  renderTemplateFile,
  templateChoices,
  templateDefaults,
  templateRoot,
} from "./jinja";

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

const defaults = templateDefaults(
  JSON.stringify({
    name: "My Shop",
    slug: "{{ cookiecutter.name.lower()|replace(' ', '_')|trim() }}",
    mail: "{{ cookiecutter.name|upper }}@x",
    odd: "{{ cookiecutter.name|title }}",
    db_version: ["17", "16"],
    use_docker: "n",
    flag: true,
  }),
);

describe("rendering a templated file with the defaults a user gets", () => {
  it("reads plain values, yes/no answers, choices and defaults computed with string filters", () => {
    expect(Object.fromEntries(defaults)).toEqual({
      name: "My Shop",
      slug: "my_shop",
      mail: "MY SHOP@x",
      db_version: "17",
      use_docker: "n",
      flag: "True",
    });
  });

  it.each([
    ["cookiecutter.use_docker == 'y'", false],
    ["cookiecutter.db_version|int >= 17", true],
    ["cookiecutter.db_version|int < 17", false],
    ["cookiecutter.odd == 'x'", null],
  ])("%s is %s", (condition, expected) => {
    expect(evaluateCondition(condition, defaults)).toBe(expected);
  });

  it("keeps line numbers: statement lines and dropped branches blank, values in place", () => {
    const content = [
      "FROM postgres:{{ cookiecutter.db_version }}",
      "{%- if cookiecutter.use_docker == 'y' %}",
      "image: docker",
      "{%- else %}",
      "image: python",
      "{%- endif%}",
      "db: '{{ cookiecutter.slug }}' # {# note #}",
      "services: [{% if cookiecutter.use_docker == 'y' %}docker{% else %}postgresql{% endif %}]",
      "{% raw %}",
      "run: ${{ github.ref }}",
      "{% endraw %}",
      'args: {{ "{{args}}" }} {% raw %}${{ x }}{% endraw %}',
    ].join("\n");
    expect(renderTemplateFile(content, defaults)?.split("\n")).toEqual([
      "FROM postgres:17",
      "",
      "",
      "",
      "image: python",
      "",
      "db: 'my_shop' # ",
      "services: [postgresql]",
      "",
      "run: ${{ github.ref }}",
      "",
      "args: {{args}} ${{ x }}",
    ]);
  });

  it.each([
    ["a condition it cannot decide", "{% if cookiecutter.odd == 'x' %}\na: 1\n{% endif %}"],
    ["an inline condition it cannot decide", "a: {% if cookiecutter.missing == 'y' %}1{% endif %}"],
    ["a value it cannot compute", "a: {{ cookiecutter.odd }}"],
    ["a loop", "{% for x in cookiecutter.list %}\na: 1\n{% endfor %}"],
    ["an unclosed branch", "{% if cookiecutter.use_docker == 'n' %}\na: 1"],
  ])("leaves the file unrendered on %s", (_, content) => {
    expect(renderTemplateFile(content, defaults)).toBeNull();
  });
});
