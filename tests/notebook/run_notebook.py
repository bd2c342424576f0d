"""Runs an exported notebook's code cells with numpy and matplotlib, as a learner would, and
prints {cell id: what it printed} as JSON. What needs a notebook front end or the network is
stubbed: IPython's display, ipywidgets, the feedback gadget, matplotlib's online style sheet,
and requests (which serves the files of the built site given as argv[2], and nothing else).
Exercise cells (raise NotImplementedError) are skipped: their solutions follow them.

usage: python3 run_notebook.py <notebook.ipynb> <dist folder> <site base, e.g. />"""
import ast
import contextlib
import io
import json
import os
import sys
import types

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402

notebook_path, dist, base = sys.argv[1], sys.argv[2], sys.argv[3]
nb = nbformat.read(notebook_path, as_version=4)
nbformat.validate(nb)


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


class Anything:
    """A widget, a video, a display: accepts anything, does nothing."""

    def __init__(self, *a, **k):
        if "id" in k:
            self.id = k["id"]
        self.children = []

    def __call__(self, *a, **k):
        return Anything()

    def __getattr__(self, name):
        return Anything()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def interact(*a, **k):
    return lambda f: f


widgets = module("ipywidgets", Output=Anything, Tab=Anything, FloatSlider=Anything, interact=interact)
widgets.widgets = widgets
module("IPython", get_ipython=lambda: None)
module("IPython.display", IFrame=Anything, YouTubeVideo=Anything, display=lambda *a, **k: None)
module("vibecheck", DatatopsContentReviewContainer=Anything)

original_style_use = plt.style.use
plt.style.use = lambda style: None if str(style).startswith("http") else original_style_use(style)


class Response:
    def __init__(self, status, content=b""):
        self.status_code = status
        self.content = content


def get(url, *a, **k):
    """The site's own files, read from the built folder; any other address is unreachable."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "://" in url else url
    if path.startswith(base):
        local = os.path.join(dist, path[len(base):])
        if os.path.isfile(local):
            with open(local, "rb") as f:
                return Response(200, f.read())
    return Response(404)


module("requests", get=get)

namespace = {"__name__": "__main__"}


def shown(value):
    """What a notebook shows for a cell's last expression (IPython names a class by its path)."""
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def run_cell(code, name):
    """Runs a cell as Jupyter does: its last expression, when it is one (and not silenced by ;), is shown."""
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not code.rstrip().endswith(";") else None
    if last is not None:
        tree.body.pop()
    exec(compile(tree, name, "exec"), namespace)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), name, "eval"), namespace)
        if value is not None:
            print(shown(value))
printed = {}
for cell in nb.cells:
    if cell.cell_type != "code":
        continue
    source = cell.source
    if "raise NotImplementedError" in source:
        continue
    lines = [l for l in source.split("\n") if not l.lstrip().startswith("%")]
    # The data cell's alternative: its commented lines after the stand-in note are run too.
    code = "\n".join(lines)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_cell(code, cell.id)
        if "# spike_times = np.load" in code:
            start = "# SITE_URL = " if "# SITE_URL = " in code else "# r = requests.get"
            tail = code[code.index(start) :] if start in code else ""
            exec("\n".join(l[2:] if l.startswith("# ") else l for l in tail.split("\n")), namespace)
    plt.close("all")
    printed[cell.id] = {"text": out.getvalue(), "output": cell.metadata.get("course", {}).get("output")}

json.dump({"cells": printed, "neurons": len(namespace["spike_times"])}, sys.stdout)
