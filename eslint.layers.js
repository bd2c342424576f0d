// @ts-check
// The project's layers, for eslint-plugin-import-x's no-restricted-paths (eslint.config.js) and its test.

/** Who may import whom: each zone forbids `target` to import from `from` (paths from the project root). */
export const LAYERS = [
  {
    target: "./src/lib",
    from: "./",
    except: ["./src/lib", "./node_modules"],
    message: "src/lib holds pure helpers: it imports nothing of the project outside itself.",
  },
  {
    target: "./src/browser",
    from: "./src",
    except: ["./browser", "./api", "./lib"],
    message:
      "Browser code imports only browser code, the authoring API (its types, the cells' configuration and control formats) and src/lib.",
  },
  {
    target: "./src/api",
    from: "./src",
    except: ["./api", "./lib"],
    message: "The authoring API imports only itself and src/lib.",
  },
  {
    target: "./src",
    from: ["./chapters", "./datasets", "./tests", "./scripts"],
    message: "The generator imports no chapter, dataset, test or command (it finds chapters by file name).",
  },
  {
    target: ["./chapters", "./datasets"],
    from: "./src",
    except: ["./api", "./lib"],
    message: 'A chapter or dataset imports the generator only through "#course" and "#lib/*".',
  },
  {
    target: ["./src/checks", "./src/translation", "./src/notebook", "./src/course"],
    from: ["./src/integration", "./src/pages", "./src/pageModel", "./src/components", "./src/layouts"],
    message:
      "The content checks, translation, notebooks and the course model do not import the Astro integration or the pages (they are used by them).",
  },
  {
    target: ["./src/pages", "./src/pageModel", "./src/components", "./src/layouts"],
    from: "./src/integration",
    message:
      "Pages get what the integration decided and computed through its virtual modules (virtual:course/model, virtual:course/store), not by importing it.",
  },
  { target: "./scripts", from: "./tests", message: "Commands import no tests (shared tooling lives in scripts/lib)." },
];
