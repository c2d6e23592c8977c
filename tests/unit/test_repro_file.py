"""A ``.wbrepro`` comes by mail: a hostile one is refused with a specific reason, before
anything lands outside the folder it is opened in."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from wb_desktop.cli import main
from wb_desktop.tools.scenario import repro_file
from wb_desktop.tools.scenario.repro_file import ReproError, open_repro

SCENARIO = "name: x\ntechnician: anna\nsteps:\n  - sync: true\n"
GOOD_MANIFEST = {
    "format": "wbrepro",
    "version": 1,
    "variants": [
        {"name": "field", "file": "field.yaml", "must": "fail", "failure": "pending is "},
        {"name": "fixed", "file": "fixed.yaml", "must": "pass"},
    ],
}


def _repro(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _good(**extra: bytes | str) -> dict[str, bytes | str]:
    return {
        "manifest.json": json.dumps(GOOD_MANIFEST),
        "field.yaml": SCENARIO,
        "fixed.yaml": SCENARIO,
        **extra,
    }


def test_a_good_repro_opens(tmp_path: Path) -> None:
    repro = open_repro(_repro(tmp_path / "a.wbrepro", _good()), tmp_path / "out")
    assert [v.name for v in repro.variants] == ["field", "fixed"]
    assert (tmp_path / "out" / "field.yaml").read_text() == SCENARIO


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"field.yaml": SCENARIO}, "it has no manifest.json"),
        (_good(**{"../evil.yaml": "x"}), "the file name '../evil.yaml' points outside it"),
        (_good(**{"/etc/evil": "x"}), "the file name '/etc/evil' points outside it"),
        (_good(**{"C:/evil": "x"}), "the file name 'C:/evil' points outside it"),
        ({"manifest.json": "not json"}, "its manifest.json is not JSON"),
        ({"manifest.json": "{}"}, "its manifest.json does not say format 'wbrepro'"),
        (
            {"manifest.json": json.dumps(GOOD_MANIFEST), "field.yaml": SCENARIO},
            "its manifest names fixed.yaml, which is not in it",
        ),
        (
            {"manifest.json": json.dumps({**GOOD_MANIFEST, "version": 9})},
            "it is version 9; this app reads 1",
        ),
    ],
)
def test_a_hostile_repro_is_refused_with_its_reason(
    tmp_path: Path, members: dict[str, bytes | str], reason: str
) -> None:
    path = _repro(tmp_path / "bad.wbrepro", members)
    with pytest.raises(ReproError) as raised:
        open_repro(path, tmp_path / "out")
    assert str(raised.value) == f"bad.wbrepro is not a usable .wbrepro: {reason}"
    assert not (tmp_path / "evil.yaml").exists()


def test_a_huge_member_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repro_file, "MAX_MEMBER_BYTES", 1000)
    path = _repro(tmp_path / "big.wbrepro", _good(**{"field-photos/p.png": b"\0" * 5000}))
    with pytest.raises(ReproError, match=r"field-photos/p.png in it is larger than 1000 bytes"):
        open_repro(path, tmp_path / "out")


def test_a_member_larger_than_its_header_says_is_refused(tmp_path: Path) -> None:
    """A header can lie: the bytes are counted as they inflate."""
    path = _repro(tmp_path / "liar.wbrepro", _good(**{"field-photos/p.png": b"\0" * 5000}))
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("field-photos/p.png")
    # shrink the declared size in the central directory (and local header) to 10 bytes
    for needle in ((5000).to_bytes(4, "little"),):
        data = data.replace(needle, (10).to_bytes(4, "little"))
    path.write_bytes(bytes(data))
    assert info.file_size == 5000
    with pytest.raises(ReproError):
        open_repro(path, tmp_path / "out")


def test_scenario_run_says_why_a_repro_cannot_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _repro(tmp_path / "bad.wbrepro", {"field.yaml": SCENARIO})
    assert main(["scenario", "run", str(path)]) == 2
    assert "bad.wbrepro is not a usable .wbrepro: it has no manifest.json" in (
        capsys.readouterr().err
    )
    (tmp_path / "not.wbrepro").write_bytes(b"hello")
    assert main(["scenario", "run", str(tmp_path / "not.wbrepro")]) == 2
    assert "not.wbrepro is not a usable .wbrepro: it is not a zip file" in capsys.readouterr().err
