/**
 * The application's own published image, told apart from backing services and other products'
 * images (a Keycloak or Grafana stack shipped beside the app) by its name: an image the catalog
 * does not know whose name carries the repository's owner or name (`ghcr.io/acme/shop`,
 * `acme/shop-web` for acme/shop). Shared by the formats that say whether a file runs the app.
 */
import { parseImageRef, resolveImage } from "../../catalog";

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The words of `owner/name` an image name is matched against. Owners like `usememos` or
 * `maybe-finance` and names like `memos`: at least 4 characters, so a short generic name does
 * not match every image.
 */
export function repositoryNames(repository: string | undefined): string[] {
  if (!repository) return [];
  return [...new Set(repository.split("/").map(squash))].filter((name) => name.length >= 4);
}

/** Whether a parsed image name (`ghcr.io/acme/shop`) carries one of `names`. */
export function isOwnImage(image: string, names: readonly string[]): boolean {
  const parts = image.toLowerCase().split("/").map(squash);
  return parts.some((part) => names.some((name) => part === name || (part.startsWith(name) && name.length >= 5)));
}

/**
 * Whether `ref` is the application's own image: known repository, a literal reference (one left
 * to a variable or a template is whatever the deployer passes), not a catalog image.
 */
export function isApplicationImage(ref: string, names: readonly string[]): boolean {
  if (names.length === 0 || ref.includes("$") || ref.includes("{{") || resolveImage(ref)) return false;
  return isOwnImage(parseImageRef(ref).name, names);
}
