// The README's "Questions you can ask": title, expected fragments and query of each block.
import fs from 'node:fs';
import path from 'node:path';

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const section = README.split('## Questions you can ask')[1]?.split('\n## ')[0] ?? '';

export const README_QUESTIONS = [
  ...section.matchAll(/\*\*(.+?)\*\*\n<!-- expect: (.+?) -->\n```graphql\n([\s\S]+?)```/g),
].map((m) => ({
  title: m[1] ?? '',
  expect: (m[2] ?? '').split('|').map((s) => s.trim()),
  query: m[3] ?? '',
}));
