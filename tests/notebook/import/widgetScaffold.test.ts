import { checkInputSpecs } from "../../../src/integration/checkInputs.ts";
import { describe, expect, it } from "vitest";
import { demoCellId, readWidgetDemo, scaffoldCell } from "../../../src/notebook/import/widgetScaffold.ts";

// A notebook's widget demo read for what it says: each widget's kind, range, step and default.
describe("readWidgetDemo", () => {
  it("reads @widgets.interact: sliders, a log slider made linear, a checkbox; a dropdown named as left out", () => {
    const demo = readWidgetDemo(`@widgets.interact(
  alpha=widgets.FloatLogSlider(0.5, min=-1, max=1),
  rate=widgets.IntSlider(12, min=10, max=20),
  leak=widgets.FloatSlider(value=0.1, min=0.0, max=0.5, step=0.05, description="Leak (a, b)"),
  show=widgets.Checkbox(value=False, description="Show it"),
  kind=widgets.Dropdown(options=["a", "b,c"], value="a"),
)
def plot_lif_neuron(alpha=0.5, rate=10, leak=0.1, show=False, kind="a"):
  pass`)!;
    expect(demo.fn).toBe("plot_lif_neuron");
    expect(demo.controls).toEqual([
      // 0.5 lies between two of the linear steps: the nearest is taken (and said).
      { kind: "range", name: "alpha", label: "alpha", min: 0.1, max: 10, step: 0.099, value: 0.496 },
      { kind: "range", name: "rate", label: "rate", min: 10, max: 20, step: 1, value: 12 },
      { kind: "range", name: "leak", label: "Leak (a, b)", min: 0, max: 0.5, step: 0.05, value: 0.1 },
      { kind: "toggle", name: "show", label: "Show it", value: false },
    ]);
    expect(demo.notes.join("\n")).toMatch(/alpha: a log-scale slider, made linear[\s\S]*kind: Dropdown has no control kind yet/);
    expect(demoCellId(demo.fn)).toBe("plot-lif-neuron");
  });

  it("reads interact(f, ...) with abbreviations, defaults from the function", () => {
    const demo = readWidgetDemo("def _show(n=5, x=0.25, on=True):\n  print(n)\n\ninteract(_show, n=(0, 10), x=(0.0, 1.0, 0.05), on=True)")!;
    expect(demo.fn).toBe("_show");
    expect(demo.controls).toEqual([
      { kind: "range", name: "n", label: "n", min: 0, max: 10, step: 1, value: 5 },
      { kind: "range", name: "x", label: "x", min: 0, max: 1, step: 0.05, value: 0.25 },
      { kind: "toggle", name: "on", label: "on", value: true },
    ]);
    expect(demoCellId(demo.fn)).toBe("show");
  });

  it("says when a control is given twice, and keeps the first", () => {
    const demo = readWidgetDemo("interact(f, x=(0, 10), x=(0.0, 1.0, 0.5))")!;
    expect(demo.controls).toEqual([{ kind: "range", name: "x", label: "x", min: 0, max: 10, step: 1, value: 5 }]);
    expect(demo.notes).toEqual(["x: given twice (Python refuses a repeated keyword); the first is kept"]);
  });

  it("gives nothing for code that is not a demo it can read", () => {
    expect(readWidgetDemo("plt.plot(x)")).toBeNull();
    expect(readWidgetDemo("@widgets.interact(n=widgets.IntSlider(5, min=9, max=2))\ndef f(n): pass")).toBeNull();
    expect(readWidgetDemo("@widgets.interact(x=widgets.FloatLogSlider(1, min=0, max=400))\ndef f(x): pass")).toBeNull();
    expect(readWidgetDemo("@widgets.interact(x=widgets.FloatSlider(1, min=0, max=2, step=0))\ndef f(x): pass")).toBeNull();
  });

  it("brings a default outside its range inside it, and says so (the build refuses such a control)", () => {
    const demo = readWidgetDemo("@widgets.interact(n=widgets.IntSlider(50, min=0, max=10))\ndef f(n): pass")!;
    expect(demo.controls).toEqual([{ kind: "range", name: "n", label: "n", min: 0, max: 10, step: 1, value: 10 }]);
    expect(demo.notes).toEqual(["n: its default 50 is outside 0…10, made 10"]);
  });

  it("makes what ipywidgets allows and a page's slider cannot into a control the build accepts, and says so", () => {
    // A default between two steps (ipywidgets keeps it), a max the steps do not reach (a published W1D1 slider).
    const demo = readWidgetDemo(
      [
        "@widgets.interact(theta=widgets.FloatSlider(3., min=0., max=20., step=2),",
        "                  alpha=widgets.FloatSlider(0.5, min=0.1, max=1.0, step=0.099))",
        "def f(theta, alpha): pass",
      ].join("\n"),
    )!;
    expect(demo.controls).toEqual([
      { kind: "range", name: "theta", label: "theta", min: 0, max: 20, step: 2, value: 4 },
      { kind: "range", name: "alpha", label: "alpha", min: 0.1, max: 0.991, step: 0.099, value: 0.496 },
    ]);
    expect(demo.notes).toEqual([
      "theta: its default 3 is not on a step of 2 from 0: made 4, the nearest step",
      "alpha: steps of 0.099 from 0.1 do not reach its max 1: max made 0.991, the last step",
      "alpha: its default 0.5 is not on a step of 0.099 from 0.1: made 0.496, the nearest step",
    ]);
    // What the build checks of a cell's controls finds nothing to refuse.
    const specs = demo.controls.map((c) => ({ ...c, kind: "range" as const }));
    const strings = Object.fromEntries(specs.map((c) => [c.label, c.name]));
    expect(checkInputSpecs(specs as never, { file: "c.cell.ts", text: "", id: "f" }, strings, "strings/en.json")).toEqual([]);
  });

  it("writes a cell module that declares exactly those controls", () => {
    const demo = readWidgetDemo("@widgets.interact(n=widgets.IntSlider(5, min=0, max=10))\ndef show(n):\n  print(n)")!;
    const module = scaffoldCell(demo, "show", 8, "chapters/x/y/show.cell.ts");
    expect(module).toContain('{ kind: "range", name: "n", label: "control.n", code: "n", min: 0, max: 10, step: 1, value: 5 },');
    expect(module).toContain('id: "show"');
    expect(module).toContain('const THIS_FILE = "chapters/x/y/show.cell.ts";');
    expect(module).toContain('t("figure.notComputed", { file: THIS_FILE })');
  });
});
