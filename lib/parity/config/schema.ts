import { z } from "zod";
import { ENVIRONMENTS } from "../types";

/** A glob or list of globs; a single string is accepted as a one-item list. */
export const globListSchema = z.union([
  z
    .string()
    .min(1)
    .transform((glob) => [glob]),
  z.array(z.string().min(1, "a glob must not be empty")),
]);

export const environmentKeySchema = z.enum([...ENVIRONMENTS, "ignore"]);

export const productionSchema = z.union([
  z
    .string()
    .min(1)
    .transform((name) => [name]),
  z.array(z.string().min(1, "an environment name must not be empty")).min(1, "list at least one name"),
]);

export const suppressionSchema = z.strictObject({
  check: z.string().min(1, "name the check id to suppress"),
  service: z.string().min(1).optional(),
  environment: z.enum(ENVIRONMENTS).optional(),
  fingerprint: z.string().min(1).optional(),
  reason: z.string().trim().min(1, "a suppression needs a reason"),
});

export const commentSchema = z.enum(["always", "changes", "never"]);
