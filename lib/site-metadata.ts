import type { Metadata } from "next";

const DESCRIPTION = "Dev/prod parity for your GitHub repositories: the time, personnel and tools gaps.";

/**
 * The metadata every page inherits: the web manifest and the social preview in `public/`, and no
 * indexing (public/robots.txt says the same to crawlers). The preview needs an absolute address,
 * so it is named only when PARITY_PUBLIC_URL says where the dashboard lives.
 */
export function siteMetadata(publicUrl: string | undefined): Metadata {
  const base: Metadata = {
    title: { default: "Parity", template: "%s · Parity" },
    description: DESCRIPTION,
    manifest: "/manifest.webmanifest",
    robots: { index: false, follow: false },
  };
  if (!publicUrl) return base;
  const image = { url: "/social-preview.png", width: 1200, height: 630, alt: "Parity: dev/prod parity" };
  return {
    ...base,
    metadataBase: new URL(publicUrl),
    openGraph: { title: "Parity", description: DESCRIPTION, siteName: "Parity", images: [image] },
    twitter: { card: "summary_large_image", images: [image] },
  };
}
