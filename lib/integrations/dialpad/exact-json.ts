// JSON.parse turns an integer literal above 2^53 into the nearest double, so a Dialpad id sent as a JSON
// number (webhooks always do) would come out with other digits. parseJsonExact reads such literals as
// strings instead, from the text itself; every other value parses exactly as JSON.parse would.

// A number that could be unsafe follows ":", "," or "[" and has 16 or more digits. Strings can hold the
// same pattern, so a match only means the slower scan below is worth running.
const mayHoldLongInteger = /[:,[]\s*-?\d{16}/;

export function parseJsonExact(text: string): unknown {
  return JSON.parse(mayHoldLongInteger.test(text) ? quoteUnsafeIntegers(text) : text);
}

/** Wraps every integer literal outside strings that is not a safe integer in quotes. */
export function quoteUnsafeIntegers(text: string): string {
  // Char codes, not regular expressions or one-character strings: this runs over every page of calls.
  let out = "";
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = endOfString(text, i);
    } else if (c === 0x2d || isDigit(c)) {
      let end = i + 1;
      let isInteger = true;
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        if (isDigit(d)) continue;
        if (d !== 0x2e && d !== 0x65 && d !== 0x45 && d !== 0x2b && d !== 0x2d) break;
        isInteger = false;
      }
      // 2^53 has 16 digits: a shorter literal is safe.
      if (isInteger && end - i >= 16) {
        const literal = text.slice(i, end);
        if (literal !== "-" && !Number.isSafeInteger(Number(literal))) {
          out += `${text.slice(copiedUpTo, i)}"${literal}"`;
          copiedUpTo = end;
        }
      }
      i = end - 1;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The index of the quote that closes the string opening at `start` (escaped quotes skipped), or the text's end. */
function endOfString(text: string, start: number): number {
  for (let at = text.indexOf('"', start + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return text.length;
}
