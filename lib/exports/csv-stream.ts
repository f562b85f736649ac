// A CSV body that pulls its rows as the client reads: rows are produced only when the response
// stream asks for more, so an export of any size holds one batch in memory.
import { encodeCsvRow, type CsvValue } from "./csv";

// Excel opens a UTF-8 file as UTF-8 only when it starts with a byte order mark.
const UTF8_BOM = "\uFEFF";
const ROWS_PER_CHUNK = 500;

export function createCsvStream(header: readonly string[], rows: AsyncIterable<CsvValue[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let isStarted = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = isStarted ? "" : UTF8_BOM + encodeCsvRow(header);
        isStarted = true;
        for (let count = 0; count < ROWS_PER_CHUNK; count++) {
          const next = await iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += encodeCsvRow(next.value);
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
