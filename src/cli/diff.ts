// sitrep diff: placeholder, replaced by the real command.
export interface DiffOptions {
  json?: boolean;
  failOnChange?: boolean;
}

export async function diff(before: string, after: string, options: DiffOptions): Promise<number> {
  void before;
  void after;
  void options;
  throw new Error('sitrep diff is not built yet');
}
