// sitrep golden: placeholder, replaced by the real command.
export interface GoldenOptions {
  goldenDir?: string;
  lexicon: string[];
}

export async function golden(action: 'check' | 'update', dir: string, options: GoldenOptions): Promise<number> {
  void action;
  void dir;
  void options;
  throw new Error('sitrep golden is not built yet');
}
