"""The package installs as researchers install packages: pip into a
virtual environment (its metadata, version and uninstall), and make
install's metadata (python/dist_info.py) as pip reads it. No network:
numpy and pandas come from the system's packages."""
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import flywheel
from conftest import SRC

VERSION = re.search(r"AC_INIT\(\[flywheel\], \[([^]]+)\]",
                    (SRC / "configure.ac").read_text()).group(1)


def source_copy(folder):
    """python/ and configure.ac as the source tree has them, so that pip
    builds in a scratch copy and never writes into the tree."""
    shutil.copytree(SRC / "python", folder / "python",
                    ignore=shutil.ignore_patterns(
                        "__pycache__", "build", "*.egg-info", "_paths.py",
                        "_version.py", "tests"))
    shutil.copy(SRC / "configure.ac", folder)
    return folder / "python"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A virtual environment that sees the system's packages."""
    where = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(where)
    return where


def python(env, code, cwd):
    e = {k: v for k, v in os.environ.items()
         if k not in ("PYTHONPATH", "PIP_INDEX_URL", "PIP_FIND_LINKS")}
    e["PIP_NO_INDEX"] = "1"
    e["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run([str(env / "bin" / "python"), *code], cwd=cwd,
                          env=e, capture_output=True, text=True)


ASK = ("import flywheel, importlib.metadata as m; "
       "print(flywheel.__version__, m.version('flywheel'), "
       "flywheel.__file__, flywheel.library)")


def test_pip_install_into_a_venv(env, tmp_path):
    src = source_copy(tmp_path / "src")
    p = python(env, ["-m", "pip", "install", "--no-build-isolation",
                     "--no-index", str(src)], tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    p = python(env, ["-c", ASK], tmp_path)
    assert p.returncode == 0, p.stderr
    version, meta, file, library = p.stdout.split()
    assert version == meta == VERSION == flywheel.__version__
    assert file.startswith(str(env))
    assert os.path.realpath(library) == os.path.realpath(flywheel.library)
    p = python(env, ["-m", "pip", "list"], tmp_path)
    assert re.search(rf"^flywheel +{re.escape(VERSION)}$", p.stdout, re.M)
    p = python(env, ["-m", "pip", "show", "flywheel"], tmp_path)
    assert "Requires: numpy, pandas" in p.stdout
    p = python(env, ["-m", "pip", "uninstall", "-y", "flywheel"], tmp_path)
    assert p.returncode == 0, p.stderr
    p = python(env, ["-c", "import importlib.metadata as m; "
                     "m.version('flywheel')"], tmp_path)
    assert "PackageNotFoundError" in p.stderr
    assert not list(env.glob("lib/python*/site-packages/flywheel"))


def test_make_install_metadata(env, tmp_path):
    """What make install writes beside the package: pip lists it,
    importlib.metadata reads its version, pip uninstall removes every
    file."""
    src = source_copy(tmp_path / "src")
    site = Path(next(env.glob("lib/python*/site-packages")))
    shutil.copytree(src / "flywheel", site / "flywheel")
    (site / "flywheel" / "_version.py").write_text(
        f'__version__ = "{VERSION}"\n')
    p = subprocess.run([sys.executable, str(SRC / "python" / "dist_info.py"),
                        str(src), str(site), VERSION],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    info = site / f"flywheel-{VERSION}.dist-info"
    assert (info / "RECORD").is_file() and (info / "METADATA").is_file()
    p = python(env, ["-c", ASK], tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split()[:2] == [VERSION, VERSION]
    p = python(env, ["-m", "pip", "uninstall", "-y", "flywheel"], tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert not (site / "flywheel").exists() and not info.exists()


def test_abi_mismatch_is_a_clear_error(tmp_path):
    """A library of another binary interface is refused on import, with
    what to do."""
    c = tmp_path / "other.c"
    c.write_text("int fw_abi_version(void) { return 999; }\n"
                 "const char *fw_version(void) { return \"9.9.9\"; }\n")
    so = tmp_path / "libflywheel.so.2"
    subprocess.run([os.environ.get("CC", "cc"), "-shared", "-fPIC", "-o",
                    str(so), str(c)], check=True)
    e = dict(os.environ, FLYWHEEL_LIBRARY=str(so))
    p = subprocess.run([sys.executable, "-c", "import flywheel"], env=e,
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode != 0
    assert (f"ImportError: {so} has binary interface 999, this package was "
            "written for 2") in p.stderr
