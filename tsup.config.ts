import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "testing/index": "src/testing/index.ts",
      "examples/index": "src/examples/index.ts",
    },
    format: ["esm", "cjs"],
    target: "es2022",
    platform: "neutral",
    dts: {
      // tsup 8.5.1 injects `baseUrl: "."` into its d.ts program and TypeScript 6
      // turns that deprecation (TS5101) into an error (egoist/tsup#1388, #1413).
      compilerOptions: { ignoreDeprecations: "6.0" },
    },
    external: ["vitest"],
    sourcemap: true,
    clean: true,
    treeshake: true,
    // Shared chunks keep one copy of the core for the subpaths, so a
    // PolicyEvalError thrown by `policy-eval/testing` is an instance of the
    // class exported by `policy-eval`.
    splitting: true,
  },
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: false,
    sourcemap: true,
    clean: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
