/** What the address recognizers ask of the word lists (LocalPhiDetector adapts its Lexicon to it). */
export interface AddressLexicon {
  isCommonWord(word: string): boolean;
  /** A word real clinical notes use as a non-name ("cont", "propofol"): it names no facility by itself. */
  isSafeWord(word: string): boolean;
  /** Clinical vocabulary: specialties, abbreviations, drugs ("renal", "icu"). */
  isClinicalWord(word: string): boolean;
  /** A given name or surname, also one that is a word ("ashworth", "hollister"). */
  isPersonName(word: string): boolean;
  isCity(name: string): boolean;
}
