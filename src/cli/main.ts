/** The `policy-eval` executable. */
import { run } from "./run.js";

// A closed pipe (`policy-eval demo | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
process.on("uncaughtException", (error) => {
  process.stderr.write(`policy-eval: internal error: ${error.message}\n`);
  process.exit(2);
});

process.exitCode = run(process.argv.slice(2));
