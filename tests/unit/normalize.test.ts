import { normalizePersonName, normalizeText, slugify } from '../../graph/normalize';

test('case, spacing, punctuation and diacritics do not matter', () => {
  expect(normalizeText('  Ministry of  HOME Affairs ')).toBe('ministry of home affairs');
  expect(normalizeText('Canégallo')).toBe('canegallo');
  expect(normalizeText('U.S.–India Homeland Security Dialogue')).toBe('us india homeland security dialogue');
  expect(normalizeText('Home-Office')).toBe(normalizeText('home office'));
});

test('honorifics are dropped from people’s names', () => {
  expect(normalizePersonName('Shri Ajay Bhalla')).toBe('ajay bhalla');
  expect(normalizePersonName('Dr. Mrs Jane Example')).toBe('jane example');
  expect(normalizePersonName('His Excellency Sam Sample')).toBe('sam sample');
});

test('slugs are readable and stable', () => {
  expect(slugify('Ministry of Home Affairs')).toBe('ministry-of-home-affairs');
  expect(slugify('U.S.–India Counternarcotics Working Group')).toBe(
    'us-india-counternarcotics-working-group',
  );
  expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(80);
});
