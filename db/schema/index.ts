export * from "./organizations";
export * from "./users";
export * from "./employees";
export * from "./dialpad-connections";
export * from "./calls";
export * from "./mapping";
export * from "./sync";
export * from "./scores";
