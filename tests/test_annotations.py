"""Content errors as GitHub annotations: the right file and line, escaped as GitHub requires."""

from __future__ import annotations


import pytest

from sto.editors.annotations import annotation, annotations, escape_data, escape_property, in_github_actions
from sto.problems import Problem

from .sitebuild import corpus_project, mkdocs_build


def test_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% klaar\r\nregel 2") == "100%25 klaar%0D%0Aregel 2"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # Data keeps colons and commas: only properties are cut at them.
    assert escape_data("start: 15:00, of later") == "start: 15:00, of later"


def test_one_error_command_per_problem():
    problem = Problem("content/agenda/x,y:z.md", 5, "start", "'2024-06-31 15:00' is geen bestaande datum\n50%")
    assert annotation(problem) == (
        "::error file=content/agenda/x%2Cy%3Az.md,line=5,title=Fout in de inhoud%3A start::"
        "'2024-06-31 15:00' is geen bestaande datum%0A50%25")
    assert annotation(Problem("content/news/leeg.md", 1, "", "het bestand is leeg")) == (
        "::error file=content/news/leeg.md,line=1,title=Fout in de inhoud::het bestand is leeg")
    two = annotations([Problem("b.md", 2, "", "x"), Problem("a.md", 9, "", "y")])
    assert [line.split(",")[0] for line in two.splitlines()] == ["::error file=a.md", "::error file=b.md"]


def test_only_inside_github_actions():
    assert in_github_actions({"GITHUB_ACTIONS": "true"})
    assert not in_github_actions({}) and not in_github_actions({"GITHUB_ACTIONS": "false"})


@pytest.mark.site
def test_a_failed_build_in_ci_annotates_each_file_and_line(tmp_path):
    project = corpus_project(tmp_path / "project")
    (project / "content/agenda/verkeerd.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000001\ntitle: T\nkind: webinar\n"
        "# een opmerking\nstart: 2024-06-31 15:00\n---\n", encoding="utf-8")
    (project / "content/news/2024-06-zonder-titel.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000002\ntitel: T\ndate: 2024-06-01\nsummary: S\n---\n",
        encoding="utf-8")

    ci = mkdocs_build(project, tmp_path / "site", check=False, env={"GITHUB_ACTIONS": "true"})
    assert ci.returncode != 0
    commands = [line for line in ci.stdout.splitlines() if line.startswith("::")]
    assert commands == [
        "::error file=content/agenda/verkeerd.md,line=6,title=Fout in de inhoud%3A start::"
        "'2024-06-31 15:00' is geen bestaande datum: juni 2024 heeft geen dag 31",
        "::error file=content/news/2024-06-zonder-titel.md,line=1,title=Fout in de inhoud%3A title::"
        "dit veld is verplicht maar ontbreekt",
        "::error file=content/news/2024-06-zonder-titel.md,line=3,title=Fout in de inhoud%3A titel::"
        "onbekend veld; bedoelt u 'title'?",
    ]
    # The Dutch report is still there, for people reading the log.
    output = ci.output
    assert "De inhoud bevat 3 problemen; de site is niet gebouwd:" in output
    assert "content/agenda/verkeerd.md:6: start: '2024-06-31 15:00' is geen bestaande datum" in output
    assert "Traceback" not in output

    local = mkdocs_build(project, tmp_path / "site", check=False)  # GITHUB_ACTIONS unset, as on a laptop
    assert local.returncode != 0
    assert "::error" not in local.output
    assert "De inhoud bevat 3 problemen" in local.output
