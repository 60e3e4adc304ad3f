// Themes from the shipped vocabulary (data/themes.yaml), drawn with a Zipf-like skew: a handful are discussed at
// most dialogues, the long tail rarely. Readouts name a theme by its name or any of its aliases.
import { loadVocabulary } from '../../graph/themes';
import { WeightedPicker, type Random } from './random';

export interface ThemeVocabulary {
  /** Every vocabulary id, in popularity order (a seeded shuffle), for the skewed picker. */
  ids: string[];
  picker: WeightedPicker<string>;
  /** How a readout may write the theme: its name and each alias. */
  spellings: Map<string, string[]>;
  names: Map<string, string>;
}

export function themeVocabulary(rng: Random): ThemeVocabulary {
  const vocab = loadVocabulary();
  const ids = rng.shuffle(vocab.themes.map((t) => t.id));
  return {
    ids,
    picker: WeightedPicker.zipf(ids, 1),
    spellings: new Map(vocab.themes.map((t) => [t.id, [t.name, ...t.aliases]])),
    names: new Map(vocab.themes.map((t) => [t.id, t.name])),
  };
}

/** The theme as a readout writes it: usually its name, sometimes one of its aliases. */
export function spell(themes: ThemeVocabulary, id: string, rng: Random): string {
  const spellings = themes.spellings.get(id) ?? [id];
  return rng.chance(0.6) ? (spellings[0] ?? id) : rng.pick(spellings);
}
