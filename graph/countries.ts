// ISO 3166-1 alpha-2 codes and English names, shipped in data/countries.json.
import countriesFile from '../data/countries.json';

const NAMES = new Map<string, string>(countriesFile.countries.map((c) => [c.code, c.name]));

export function isCountryCode(code: string): boolean {
  return NAMES.has(code);
}

export function countryName(code: string): string {
  return NAMES.get(code) ?? code;
}

export function countryId(code: string): string {
  return `country:${code.toLowerCase()}`;
}
