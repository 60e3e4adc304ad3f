// How sure the drafter is, in words and as a class for colour, the same on both sides of the page.
export type Level = 'high' | 'medium' | 'low';

export function level(confidence: number): Level {
  return confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
