// POSIX shell quoting for the CLI equivalents the console shows, so a copied line runs exactly as rendered.

// Characters that never need quoting in sh/bash/zsh words.
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
