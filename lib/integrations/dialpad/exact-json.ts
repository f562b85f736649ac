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
  let out = "";
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
      const literal = text.slice(i, end);
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(copiedUpTo, i)}"${literal}"`;
        copiedUpTo = end;
      }
      i = end - 1;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
