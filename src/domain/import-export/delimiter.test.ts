import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['phone,name,company\n1,a,b\n2,c,d\n', ','],
    ['phone;amount;name\n1;1,5;a\n2;2,75;b\n', ';'],
    ['phone\tname\n1\tDoe, John\n2\tRoe, Jane\n', '\t'],
    ['phone|name\n1|a\n2|b\n', '|'],
    ['phone,"name; alias"\n1,"a;b"\n', ','],
  ])('finds the delimiter of %j', (text, expected) => {
    expect(detectDelimiter(text)).toEqual({ delimiter: expected, confident: true });
  });
  it('is not confident for a single-column file and proposes a comma', () => {
    expect(detectDelimiter('phone\n2133734253\n2133734254\n')).toEqual({ delimiter: ',', confident: false });
  });
});
