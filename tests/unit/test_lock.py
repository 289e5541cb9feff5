"""The lock files: every pin of requirements*.txt locked at its version with hashes; the lab extra changes none."""

import re

from helpers import paths

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(name: str) -> dict[str, str]:
    lines = (paths.ROOT / name).read_text(encoding="utf-8").splitlines()
    return {_norm(m[1]): m[2] for m in map(PIN.match, lines) if m}


def _locked(name: str) -> dict[str, str]:
    text = (paths.ROOT / name).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    locked = {}
    for block in blocks:
        m = PIN.match(block)
        if m:
            assert "--hash=sha256:" in block, f"{name}: {m[1]} has no hash"
            locked[_norm(m[1])] = m[2]
    return locked


def test_every_pin_is_locked_at_its_version_with_hashes():
    locked = _locked("requirements.lock")
    for source in ("requirements.txt", "requirements-dev.txt"):
        for package, version in _pins(source).items():
            assert locked.get(package) == version, f"{source}: {package}=={version}, lock has {locked.get(package)}"


def test_the_lab_lock_adds_jupyterlab_and_changes_no_locked_version():
    base, lab = _locked("requirements.lock"), _locked("requirements-lab.lock")
    assert {p: lab.get(p) for p in base} == base
    for package, version in _pins("requirements-lab.txt").items():
        assert lab[package] == version
    assert "jupyterlab" not in base
