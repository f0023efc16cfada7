"""Quarkflow's standard-library-only stand-in for the parts of the kfp SDK a running component needs.

It implements the executor contract of lightweight Python components (kfp.dsl artifact classes, the
Input/Output/InputPath/OutputPath annotations and ``python3 -m kfp.dsl.executor_main``) so that compiled
pipelines run offline. It cannot compile pipelines.
"""

__version__ = "2.15.2"

from kfp import dsl  # noqa: E402,F401
