"""The page the preview (make serve) shows at every address while the content is invalid: every
problem as ``path:line: field: message``, in Dutch, so that an editor who works in the browser
sees what to fix. A plain, self-contained HTML page (no theme, no scripts of its own: the
preview adds its live-reload script, so the page reloads itself once the files are fixed).
Everything from the content is escaped."""

from __future__ import annotations

from html import escape

from sto.problems import Problem, heading

STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; color: #1f1f1f; background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.6rem; color: #b71c1c; margin: 0 0 .5rem; }
ol { padding-left: 1.5rem; }
li { margin: .6rem 0; padding: .5rem .7rem; border-left: .25rem solid #b71c1c; background: #fdecea;
     list-style-position: outside; }
code { font: .95em/1.4 ui-monospace, monospace; font-weight: 700; overflow-wrap: anywhere; }
.sto-problem-hint { color: #444; }
"""


def _problem(problem: Problem) -> str:
    where = f"{problem.path}:{problem.line}"
    field = f"{escape(problem.field)}: " if problem.field else ""
    return f"<li><code>{escape(where)}</code>: {field}{escape(problem.message)}</li>"


def problem_page(problems: list[Problem]) -> str:
    title = heading(len(problems))
    items = "\n".join(_problem(p) for p in sorted(problems))
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – voorbeeld van de site</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>Het voorbeeld laat de site weer zien zodra alles is opgelost. Verbeter de bestanden hieronder
en sla ze op: deze pagina ververst zichzelf.</p>
<ol>
{items}
</ol>
<p class="sto-problem-hint">Elke regel noemt het bestand, het regelnummer, het veld en wat er mis is.
Dezelfde lijst staat in het terminalvenster waarin <code>make serve</code> draait.</p>
</main>
</body>
</html>
"""
