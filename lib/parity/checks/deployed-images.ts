import { imageName, parseImageRef, resolveImage } from "../catalog";
import type { Environment, Evidence, FindingDraft, Inventory } from "../types";
import { joinWords, sortedEnvironments } from "./shared";

type PlacedImage = NonNullable<Inventory["images"]>[number];

/**
 * Images the service uses do not judge: the application's own, other products' (an admin UI, a
 * document parser, a simulator) and runtimes pulled as they are. A backing service's image is a
 * use, judged per engine by unpinned-image itself.
 */
function judgedHere(image: PlacedImage): boolean {
  const service = resolveImage(image.ref);
  return service === null || service.kind === "runtime";
}

/** A tag that fixes what runs: a version or digest (a catalog image's bare variant does not). */
function pins(image: PlacedImage): boolean {
  return image.tag === "pinned" && resolveImage(image.ref)?.pinned !== false;
}

/** `with no tag` or `on :latest` (the tags written, when several). */
function howItFloats(images: readonly PlacedImage[]): string {
  const tags = [...new Set(images.map((image) => parseImageRef(image.ref).tag))];
  const words = tags.map((tag) => (tag === null ? "with no tag" : `on :${tag}`));
  return words.length === 1 ? (words[0] as string) : joinWords(words);
}

function evidenceOf(images: readonly PlacedImage[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const image of images) {
    const key = `${image.environment}\u0000${image.file}\u0000${image.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ environment: image.environment, file: image.file, line: image.line, value: `image: ${image.ref}` });
  }
  return out;
}

const refs = (images: readonly PlacedImage[]) => joinWords([...new Set(images.map((image) => image.ref))].slice(0, 3));
const environmentsOf = (images: readonly PlacedImage[]): Environment[] =>
  sortedEnvironments(images.map((image) => image.environment));

/**
 * Images outside the catalog that float (docs/parity-model.md, unpinned-image), one low finding
 * per difference:
 *
 * 1. prod runs an image with no tag or a moving one (`:latest`): each deploy, restart or
 *    reschedule can pull a different build. The app's own images are one finding (one release
 *    process tags them all); another product's image is one finding per image, naming the other
 *    environments where it floats and those that pin it.
 * 2. a dev, test or CI tool floats where the project otherwise pins: the same file pins other
 *    images, or another file pins this one. A file that pins nothing follows the newest tools on
 *    purpose, and the app's own images in dev track its newest build: both stay silent.
 *
 * A tag left to a variable or template (`:${TAG}`) is unknown, never floating; the formats say so.
 * An image skaffold or Tilt builds is not pulled as written: those tools deploy their own tag.
 */
export function floatingDeployedImages(inventory: Inventory): FindingDraft[] {
  const all = inventory.images ?? [];
  // Most repositories pin every image: nothing floats, nothing to group (one cheap pass).
  if (!all.some((image) => image.tag === "floating")) return [];
  // A monorepo names few images many times: each reference's name is parsed once.
  const names = new Map<string, string>();
  const nameOf = (ref: string): string => {
    let name = names.get(ref);
    if (name === undefined) {
      name = imageName(ref);
      names.set(ref, name);
    }
    return name;
  };
  // What skaffold or Tilt builds runs as the fresh build's tag, whatever the manifest says.
  const built = new Set((inventory.builtImages ?? []).map(imageName));
  const images = all.filter((image) => judgedHere(image) && !built.has(nameOf(image.ref)));
  if (images.length === 0) return [];
  // The pinned images of each file, for "the same file pins its others" (built when first asked).
  let pinnedByFile: Map<string, PlacedImage[]> | null = null;
  const pinnedIn = (file: string): PlacedImage[] => {
    if (pinnedByFile === null) {
      pinnedByFile = new Map();
      for (const image of all) {
        if (image.own || !pins(image)) continue;
        const list = pinnedByFile.get(image.file);
        if (list) list.push(image);
        else pinnedByFile.set(image.file, [image]);
      }
    }
    return pinnedByFile.get(file) ?? [];
  };
  const findings: FindingDraft[] = [];
  const prodFloating = images.filter((image) => image.tag === "floating" && image.environment === "prod");

  // An own image with no namespace (`image: shop`) is the one `docker build -t shop` made on the
  // host: it runs that build, not a pull of whatever was pushed.
  const own = prodFloating.filter((image) => image.own && parseImageRef(image.ref).name.includes("/"));
  if (own.length > 0) {
    const ownNames = [...new Set(own.map((image) => nameOf(image.ref)))];
    findings.push({
      message:
        `prod runs the application's own image${ownNames.length > 1 ? "s" : ""} ${joinWords(ownNames)} ${howItFloats(own)}: ` +
        "a deploy or restart runs whatever was pushed last, not a reviewed release",
      evidence: evidenceOf(own),
      service: "image:app",
      environments: ["prod"],
      severity: "low",
    });
  }

  const byName = new Map<string, PlacedImage[]>();
  for (const image of images) {
    if (image.own) continue;
    const name = nameOf(image.ref);
    const list = byName.get(name);
    if (list) list.push(image);
    else byName.set(name, [image]);
  }
  for (const [name, same] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const floats = same.filter((image) => image.tag === "floating");
    if (floats.length === 0) continue;
    const pinned = same.filter(pins);
    const inProd = floats.some((image) => image.environment === "prod");
    if (!inProd) {
      // A tool floats: only where the project otherwise pins (this image elsewhere, or the same file's others).
      const files = [...new Set(floats.map((image) => image.file))];
      const neighbours = files.flatMap((file) => pinnedIn(file).filter((image) => nameOf(image.ref) !== name));
      if (pinned.length === 0 && neighbours.length === 0) continue;
      const where = environmentsOf(floats);
      const tail =
        pinned.length > 0
          ? `; ${joinWords(environmentsOf(pinned))} ${environmentsOf(pinned).length === 1 ? "pins" : "pin"} ${refs(pinned)}`
          : `, while the same file pins ${refs(neighbours)}`;
      findings.push({
        message: `${name} floats ${howItFloats(floats)} in ${joinWords(where)}${tail}`,
        evidence: evidenceOf([...floats, ...pinned]),
        service: `image:${name}`,
        environments: sortedEnvironments([...where, ...environmentsOf(pinned)]),
        severity: "low",
      });
      continue;
    }
    const where = environmentsOf(floats);
    const tail =
      pinned.length > 0
        ? `; ${joinWords(environmentsOf(pinned))} ${environmentsOf(pinned).length === 1 ? "pins" : "pin"} ${refs(pinned)}`
        : "";
    findings.push({
      message: `${name} runs ${howItFloats(floats)} in ${joinWords(where)}: a deploy or restart can pull a new version${tail}`,
      evidence: evidenceOf([...floats, ...pinned]),
      service: `image:${name}`,
      environments: sortedEnvironments([...where, ...environmentsOf(pinned)]),
      severity: "low",
    });
  }
  return findings;
}
