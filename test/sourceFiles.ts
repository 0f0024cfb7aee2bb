import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The `.ts` files below a folder, sorted: what the architecture and TSDoc-example tests read. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? typeScriptFiles(path) : name.endsWith(".ts") ? [path] : [];
    })
    .sort();
}
