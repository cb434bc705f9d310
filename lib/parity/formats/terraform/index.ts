import type { Format } from "../../types";
import { extractTerraform } from "./extract";

/** Terraform configurations; sibling `.tf` and auto-loaded `.tfvars` files resolve `var.` values. */
export const terraformFormat = {
  id: "terraform",
  title: "Terraform",
  patterns: ["**/*.tf"],
  reads: ["**/terraform.tfvars", "**/*.auto.tfvars"],
  extract: (file, ctx) => extractTerraform(file, ctx),
} satisfies Format;
