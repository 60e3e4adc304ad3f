// The 60 countries of the synthetic world: real ISO codes (checked against data/countries.json), their capitals
// for dialogue venues, and a name region for people's names. Listed roughly by how active they are in bilateral
// security diplomacy: the order is the weight order, so the first ones become hubs.
import { countryName, isCountryCode } from '../../graph/countries';

export type Region = 'anglo' | 'southAsia' | 'europe' | 'slavic' | 'mena' | 'africa' | 'eastAsia' | 'latam';

export interface SynthCountry {
  code: string;
  name: string;
  capital: string;
  region: Region;
}

const TABLE: [string, string, Region][] = [
  ['US', 'Washington, D.C.', 'anglo'],
  ['GB', 'London', 'anglo'],
  ['IN', 'New Delhi', 'southAsia'],
  ['FR', 'Paris', 'europe'],
  ['DE', 'Berlin', 'europe'],
  ['JP', 'Tokyo', 'eastAsia'],
  ['AU', 'Canberra', 'anglo'],
  ['CA', 'Ottawa', 'anglo'],
  ['AE', 'Abu Dhabi', 'mena'],
  ['SA', 'Riyadh', 'mena'],
  ['IT', 'Rome', 'europe'],
  ['ES', 'Madrid', 'europe'],
  ['ID', 'Jakarta', 'eastAsia'],
  ['SG', 'Singapore', 'eastAsia'],
  ['KR', 'Seoul', 'eastAsia'],
  ['BR', 'Brasília', 'latam'],
  ['MX', 'Mexico City', 'latam'],
  ['TR', 'Ankara', 'mena'],
  ['EG', 'Cairo', 'mena'],
  ['NL', 'The Hague', 'europe'],
  ['PL', 'Warsaw', 'slavic'],
  ['UA', 'Kyiv', 'slavic'],
  ['ZA', 'Pretoria', 'africa'],
  ['NG', 'Abuja', 'africa'],
  ['KE', 'Nairobi', 'africa'],
  ['PK', 'Islamabad', 'southAsia'],
  ['BD', 'Dhaka', 'southAsia'],
  ['LK', 'Colombo', 'southAsia'],
  ['NP', 'Kathmandu', 'southAsia'],
  ['MY', 'Kuala Lumpur', 'eastAsia'],
  ['TH', 'Bangkok', 'eastAsia'],
  ['VN', 'Hanoi', 'eastAsia'],
  ['PH', 'Manila', 'eastAsia'],
  ['NZ', 'Wellington', 'anglo'],
  ['IE', 'Dublin', 'anglo'],
  ['BE', 'Brussels', 'europe'],
  ['SE', 'Stockholm', 'europe'],
  ['NO', 'Oslo', 'europe'],
  ['DK', 'Copenhagen', 'europe'],
  ['FI', 'Helsinki', 'europe'],
  ['AT', 'Vienna', 'europe'],
  ['CH', 'Bern', 'europe'],
  ['PT', 'Lisbon', 'europe'],
  ['GR', 'Athens', 'europe'],
  ['CZ', 'Prague', 'slavic'],
  ['RO', 'Bucharest', 'slavic'],
  ['HU', 'Budapest', 'slavic'],
  ['RS', 'Belgrade', 'slavic'],
  ['IL', 'Jerusalem', 'mena'],
  ['JO', 'Amman', 'mena'],
  ['MA', 'Rabat', 'mena'],
  ['TN', 'Tunis', 'mena'],
  ['QA', 'Doha', 'mena'],
  ['OM', 'Muscat', 'mena'],
  ['KW', 'Kuwait City', 'mena'],
  ['AR', 'Buenos Aires', 'latam'],
  ['CL', 'Santiago', 'latam'],
  ['CO', 'Bogotá', 'latam'],
  ['PE', 'Lima', 'latam'],
  ['GH', 'Accra', 'africa'],
];

export const COUNTRIES: readonly SynthCountry[] = TABLE.map(([code, capital, region]) => {
  if (!isCountryCode(code)) throw new Error(`generator: ${code} is not in data/countries.json`);
  return { code, name: countryName(code), capital, region };
});
