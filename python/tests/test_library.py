"""Where the package finds libflywheel: FLYWHEEL_LIBRARY, else the
source tree it sits in (./setup.sh's build/, or another build folder),
else where make install put it."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import flywheel

PACKAGE = Path(flywheel.__file__).parent
LIBRARY = os.path.realpath(flywheel.library)


def found(pythonpath, **env):
    """The library `import flywheel` loads, or the ImportError's text."""
    e = {k: v for k, v in os.environ.items()
         if k not in ("FLYWHEEL_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
    e.update(env, PYTHONPATH=str(pythonpath), PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, "-c",
                        "import flywheel; print(flywheel.library)"],
                       env=e, capture_output=True, text=True, cwd="/")
    return p.stdout.strip() if p.returncode == 0 else p.stderr


def package_in(folder):
    shutil.copytree(PACKAGE, folder / "flywheel",
                    ignore=shutil.ignore_patterns("_paths.py", "__pycache__"))


def library_in(folder):
    folder.mkdir(parents=True)
    os.symlink(LIBRARY, folder / "libflywheel.so.2")
    return str(folder / "libflywheel.so.2")


@pytest.mark.parametrize("build", ["build", "objects"])
def test_source_tree(tmp_path, build):
    src = tmp_path / "src"
    package_in(src / "python")
    (src / "sim").mkdir()
    (src / "sim" / "flywheel.h").touch()
    lib = library_in(src / build / "sim" / ".libs")
    assert found(src / "python") == lib


def test_installed(tmp_path):
    package_in(tmp_path / "site")
    lib = library_in(tmp_path / "lib")
    (tmp_path / "site" / "flywheel" / "_paths.py").write_text(
        f"LIBDIR = {str(tmp_path / 'lib')!r}\n")
    assert found(tmp_path / "site") == lib


def test_environment_names_the_file(tmp_path):
    package_in(tmp_path / "site")
    lib = library_in(tmp_path / "elsewhere")
    assert found(tmp_path / "site", FLYWHEEL_LIBRARY=lib) == lib
    text = found(tmp_path / "site", FLYWHEEL_LIBRARY=str(tmp_path / "no.so"))
    assert "ImportError: FLYWHEEL_LIBRARY=" + str(tmp_path / "no.so") in text


def test_nowhere(tmp_path):
    import ctypes.util
    package_in(tmp_path / "site")
    text = found(tmp_path / "site")
    if ctypes.util.find_library("flywheel") is None:
        assert "ImportError: libflywheel not found" in text
        assert "FLYWHEEL_LIBRARY" in text
