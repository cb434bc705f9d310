import type { Format } from "../../types";
import { extractServerless } from "./extract";

/** Serverless Framework service definitions. */
export const serverlessFormat = {
  id: "serverless",
  title: "Serverless Framework (serverless.yml)",
  patterns: ["**/serverless.yml", "**/serverless.yaml"],
  extract: (file) => extractServerless(file),
} satisfies Format;
