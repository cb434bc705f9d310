// Worker entry: Node 20 workers do not inherit tsx's loader, so register it before the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./sweep-double.ts");
