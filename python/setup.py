"""The package's version is the library's: AC_INIT's in ../configure.ac
(or FLYWHEEL_VERSION, as make install gives it), written into
flywheel/_version.py of what is built."""
import os
import re
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def version():
    if os.environ.get("FLYWHEEL_VERSION"):
        return os.environ["FLYWHEEL_VERSION"]
    ac = (HERE.parent / "configure.ac").read_text(encoding="utf-8")
    return re.search(r"AC_INIT\(\[flywheel\], \[([^]]+)\]", ac).group(1)


class with_version(build_py):
    def run(self):
        super().run()
        out = Path(self.build_lib) / "flywheel" / "_version.py"
        out.write_text(f'"""The version of flywheel this is."""\n'
                       f'__version__ = "{version()}"\n', encoding="utf-8")


setup(version=version(), cmdclass={"build_py": with_version})
