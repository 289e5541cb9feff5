"""The data dictionary (docs/data_dictionary.md), generated from data/raw/datapackage.json.

python -m helpers.data.datadict   # rewrite docs/data_dictionary.md after changing the datapackage
"""

from __future__ import annotations

import json

from .. import paths

TARGET = paths.ROOT / "docs" / "data_dictionary.md"


def render_markdown(package: dict) -> str:
    lines = [
        f"# Data dictionary: {package['title']}",
        "",
        "Generated from `data/raw/datapackage.json` by `python -m helpers.data.datadict`; do not edit by hand.",
        "",
    ]
    for resource in package["resources"]:
        schema = resource["schema"]
        lines += [f"## `data/raw/{resource['path']}`", "", resource["title"] + f" (tier: {resource['x-tier']}).", ""]
        if schema.get("primaryKey"):
            lines += [f"Unique key: {', '.join(f'`{k}`' for k in schema['primaryKey'])}.", ""]
        lines += ["| field | type | required | allowed | description |", "|---|---|---|---|---|"]
        for field in schema["fields"]:
            rules = field.get("constraints", {})
            allowed = ", ".join(rules["enum"]) if "enum" in rules else rules.get("pattern", "")
            if "minimum" in rules:
                allowed = f">= {rules['minimum']}"
            allowed = allowed.replace("|", "\\|")
            lines.append(
                f"| `{field['name']}` | {field['type']} | {'yes' if rules.get('required') else ''} | "
                f"{allowed} | {field['description']} |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    package = json.loads((paths.RAW / "datapackage.json").read_text(encoding="utf-8"))
    TARGET.write_text(render_markdown(package), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(paths.ROOT)}")


if __name__ == "__main__":
    main()
