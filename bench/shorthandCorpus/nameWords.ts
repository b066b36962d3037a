/**
 * Names that are also ordinary (often clinical) words. They are NAME only in a name context ("Dr Fox",
 * "wife Hope called"); the notes also use them as words ("will cont", "bp rose", "brown stool"). Written for
 * this corpus.
 */
export const FIRST_NAME_WORDS: readonly string[] = [
  'Will', 'Hope', 'Rose', 'Grace', 'Faith', 'Joy', 'Dawn', 'Bill', 'Art', 'Frank', 'Mark', 'June', 'April',
  'Summer', 'Sandy', 'Rusty', 'Pat', 'Guy', 'Gene', 'Ray', 'Jack', 'Rich', 'Bud', 'Chase', 'Hunter', 'Page',
  'Iris', 'Ivy', 'Holly', 'Crystal', 'Penny', 'Sunny', 'Lance', 'Drew', 'Sky', 'Autumn', 'Angel', 'Amber',
];

export const LAST_NAME_WORDS: readonly string[] = [
  'Fox', 'Hope', 'Young', 'Will', 'Rose', 'Field', 'Bishop', 'Hill', 'Baker', 'Brown', 'White', 'Black', 'Green',
  'Gray', 'Long', 'Little', 'Love', 'Bell', 'Stone', 'Wood', 'Lane', 'King', 'Price', 'Rich', 'Sharp', 'Hart',
  'Moody', 'Cash', 'Sweet', 'Wise', 'Wolf', 'Bush', 'Church', 'Banks', 'Burns', 'Wells', 'Cotton', 'Chase',
  'Reed', 'Hand', 'Foote', 'Pepper', 'Cook', 'Mason', 'Fisher', 'Hunter', 'Porter', 'Bond', 'Gross', 'Strong',
  'Moss', 'Frost', 'Snow', 'Winter', 'Day', 'Knight', 'Major', 'Page', 'Pool', 'Waters', 'Rivers', 'Swift',
  'Lamb', 'Crane', 'Drake', 'Bird', 'Head', 'Sterling', 'Root', 'Marsh', 'Beard', 'Blood', 'Bone', 'Pain',
];
