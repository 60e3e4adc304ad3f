// Types for the Porter2 stemmer package (it ships none).
declare module 'wink-porter2-stemmer' {
  function stem(word: string): string;
  export = stem;
}
