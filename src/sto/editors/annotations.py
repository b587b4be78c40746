"""Content problems as GitHub Actions annotations, so a pull request shows each on its line.

GitHub turns a line ``::error file=PATH,line=N,title=T::MESSAGE`` on a step's output into an
annotation on that file and line. Values are escaped as GitHub's workflow-command rules say
(the ``escapeData``/``escapeProperty`` functions of @actions/core): otherwise a colon or comma
in a path, or a newline in a message, would cut the command short.
"""


from collections.abc import Iterable, Mapping

from sto.problems import Problem


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    properties = {"file": problem.path, "line": str(problem.line),
                  "title": f"Fout in de inhoud: {problem.field}" if problem.field else "Fout in de inhoud"}
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::error {joined}::{escape_data(problem.message)}"


def in_github_actions(environ: Mapping[str, str]) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def annotations(problems: Iterable[Problem]) -> str:
    """One workflow command per problem, in the report's order."""
    return "\n".join(annotation(p) for p in sorted(problems))
