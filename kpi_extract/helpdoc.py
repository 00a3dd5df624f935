"""The README's command reference, generated from the commands' own `--help`.

Written by hand, the README's option list drifted from the code; generated, it cannot. This does
what sqlite-utils does with cog, without another tool: the text between two marker comments in
README.md is replaced by every command's help (`python -m kpi_extract.helpdoc --write`), and a
test fails when it differs (`--check`). The width is fixed so the text does not depend on the
terminal it was made in.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

BEGIN = "<!-- [[[help: made by `python -m kpi_extract.helpdoc --write` from --help; edit the code, not this ]]] -->"
END = "<!-- [[[end help]]] -->"
WIDTH = 100


def help_text(path: list[str]) -> str:
    """The `--help` of `kpi-extract PATH...` at a fixed width."""
    from .cli import main

    ctx = click.Context(main, info_name="kpi-extract", terminal_width=WIDTH, max_content_width=WIDTH,
                        **main.context_settings)
    cmd: click.Command = main
    for name in path:
        cmd = cmd.get_command(ctx, name)  # type: ignore[attr-defined]
        ctx = click.Context(cmd, info_name=name, parent=ctx, terminal_width=WIDTH, max_content_width=WIDTH)
    return cmd.get_help(ctx)


def commands() -> list[list[str]]:
    """Every command path, groups first: [[], ['extract'], ..., ['patterns', 'check'], ...]."""
    from .cli import main

    found: list[list[str]] = []

    def walk(cmd: click.Command, path: list[str]) -> None:
        found.append(path)
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(click.Context(cmd)):
                walk(cmd.commands[name], path + [name])

    walk(main, [])
    return found


def reference() -> str:
    parts = [BEGIN]
    for path in commands():
        name = " ".join(["kpi-extract", *path])
        parts.append(f"\n#### `{name}`\n\n```\n{help_text(path).rstrip()}\n```")
    parts.append(END)
    return "\n".join(parts)


def updated(readme: str) -> str:
    """README text with its reference section replaced (ValueError when the markers are missing)."""
    start, end = readme.index(BEGIN), readme.index(END) + len(END)
    return readme[:start] + reference() + readme[end:]


def main(argv: list[str]) -> int:
    readme = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else \
        Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = updated(text)
    if "--write" in argv:
        readme.write_text(new, encoding="utf-8")
        return 0
    if "--check" in argv:
        if new != text:
            print(f"{readme}: the command reference is stale: run python -m kpi_extract.helpdoc --write",
                  file=sys.stderr)
            return 1
        return 0
    print(reference())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
