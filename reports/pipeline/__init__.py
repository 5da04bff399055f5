"""The build (`reports build`) as a package, each module one concern, imported in one
direction (run -> engines -> article -> atomic):

    options.py    BuildOptions: what a build is asked to do, one value per face
    run.py        build(): load, plan, export, combine, write the manifest
    stems.py      safe, unique output file names
    manifest.py   what each output was built from (incremental rebuilds)
    atomic.py     files written under a temporary name and renamed into place
    article.py    one article's export to every format
    engines/      where articles are exported: serial, process pool, Dask
"""

from __future__ import annotations

from .options import BuildOptions
from .run import Build, BuildResult, build

__all__ = ["Build", "BuildOptions", "BuildResult", "build"]
