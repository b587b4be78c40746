"""The vendored Decap CMS bundle (src/sto/editors/decap/decap-cms.js, served at /beheer/) is the
file of the version package.json pins and package-lock.json locks, byte for byte (`make decap`
refreshes it after an upgrade)."""

from __future__ import annotations

import json

import pytest

from sto.editors.web_editor import BUNDLE

from .sitebuild import ROOT

pytestmark = pytest.mark.tools  # needs node_modules (npm ci), like the other Node.js tools


def test_vendored_bundle_is_the_locked_versions_file():
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    installed = ROOT / "node_modules/decap-cms"
    if not installed.exists():
        pytest.fail("node_modules/decap-cms missing; run 'make test' (npm ci installs it)")
    version = json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"]
    assert pinned["decap-cms"] == locked["node_modules/decap-cms"]["version"] == version
    assert pinned["decap-server"] == locked["node_modules/decap-server"]["version"]
    assert BUNDLE.read_bytes() == (installed / "dist/decap-cms.js").read_bytes(), "run 'make decap'"
    assert f'console.log("decap-cms {version}")' in BUNDLE.read_text(encoding="utf-8")
