"""Writes the package's metadata (flywheel-VERSION.dist-info) beside the
package make install put in SITE, as pip would, so that pip list,
importlib.metadata and pip uninstall know it:

    python3 dist_info.py SRC_PYTHON_DIR SITE VERSION

METADATA comes from pyproject.toml through setuptools itself, built in a
scratch copy (the source tree may be read-only); RECORD lists every file
of the package with its SHA-256, as pip uninstall expects."""
import base64
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path


def record_line(site, path):
    data = path.read_bytes()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
    return (f"{path.relative_to(site).as_posix()},sha256="
            f"{digest.rstrip(b'=').decode()},{len(data)}")


def main(src, site, version):
    src, site = Path(src), Path(site)
    os.environ["FLYWHEEL_VERSION"] = version
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("pyproject.toml", "setup.py", "README.md"):
            shutil.copy(src / name, tmp)
        shutil.copytree(src / "flywheel", Path(tmp) / "flywheel",
                        ignore=shutil.ignore_patterns("__pycache__"))
        out = Path(tmp) / "out"
        out.mkdir()
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            from setuptools import build_meta
            name = build_meta.prepare_metadata_for_build_wheel(str(out))
        finally:
            os.chdir(cwd)
        info = site / name
        shutil.rmtree(info, ignore_errors=True)
        shutil.copytree(out / name, info)
    (info / "INSTALLER").write_text("make\n")
    files = sorted(p for p in (site / "flywheel").glob("*.py")) + \
        sorted(p for p in info.iterdir() if p.name != "RECORD")
    lines = [record_line(site, p) for p in files]
    lines.append(f"{info.relative_to(site).as_posix()}/RECORD,,")
    (info / "RECORD").write_text("\n".join(lines) + "\n")
    print(info)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: dist_info.py SRC_PYTHON_DIR SITE VERSION")
    main(*sys.argv[1:])
