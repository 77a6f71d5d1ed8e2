/** A hash of sitrep's sources (the src/ folder given): code, lexicons and page assets. */
export function sourcesHash(dir: URL): string;
