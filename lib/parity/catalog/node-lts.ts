/**
 * Node release lines by LTS codename, as `.nvmrc` and setup-node spell them (`lts/iron`)
 * (https://github.com/nodejs/Release#release-schedule). One table for every format that reads them.
 */
export const NODE_LTS: Readonly<Record<string, string>> = {
  argon: "4",
  boron: "6",
  carbon: "8",
  dubnium: "10",
  erbium: "12",
  fermium: "14",
  gallium: "16",
  hydrogen: "18",
  iron: "20",
  jod: "22",
  krypton: "24",
};
