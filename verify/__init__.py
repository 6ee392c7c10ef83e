"""verify: a source-reliability and fact-verification workbench.

News reports go in; every statement comes out with the other reports that say the same thing,
how many independent outlets that is, who contradicts it, and how reliable each outlet and
speaker has proved to be.
"""

__version__ = "0.1.0"


def __getattr__(name):
    # ``verify.compare`` without importing the matcher for every CLI start.
    if name == "compare":
        from .match import compare

        return compare
    raise AttributeError(name)
