import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { siteMetadata } from "./site-metadata";

const publicFile = (path: string) => existsSync(new URL(`../public${path}`, import.meta.url));

describe("siteMetadata", () => {
  it("links the web manifest and keeps pages out of search engines", () => {
    const metadata = siteMetadata(undefined);
    expect(metadata.manifest).toBe("/manifest.webmanifest");
    expect(metadata.robots).toEqual({ index: false, follow: false });
    expect(publicFile("/manifest.webmanifest")).toBe(true);
    expect(publicFile("/robots.txt")).toBe(true);
  });

  it("names the social preview, absolute, when the public address is known", () => {
    expect(siteMetadata(undefined).openGraph).toBeUndefined();
    const metadata = siteMetadata("https://parity.acme.test");
    expect(String(metadata.metadataBase)).toBe("https://parity.acme.test/");
    expect(metadata.openGraph?.images).toEqual([expect.objectContaining({ url: "/social-preview.png", width: 1200 })]);
    expect(publicFile("/social-preview.png")).toBe(true);
  });
});
