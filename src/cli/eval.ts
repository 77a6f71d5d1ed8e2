// sitrep eval: placeholder, replaced by the real command.
export interface EvalOptions {
  pred?: string;
  format?: 'sitrep' | 'conll' | 'events' | 'plover';
  json?: boolean;
  errors?: number;
  min: string[];
  lexicon: string[];
}

export async function evaluate(gold: string, options: EvalOptions): Promise<number> {
  void gold;
  void options;
  throw new Error('sitrep eval is not built yet');
}
