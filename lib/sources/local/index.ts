export { type LocalSnapshotOptions, readLocalSnapshot } from "./snapshot";
