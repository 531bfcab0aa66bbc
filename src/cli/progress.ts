/** Whether a bar was drawn and its line not yet ended: an error message must then start on a line of its own. */
let lineOpen = false;

/** A one-line progress bar on a terminal; silent when output is piped (scripts read clean output). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const active = stream.isTTY === true;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!active) return;
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      lineOpen = true;
    },
    done() {
      if (active) stream.write('\n');
      lineOpen = false;
    },
  };
}

/** Ends a progress bar's line left open by a command that failed. */
export function endProgressLine(stream: NodeJS.WriteStream = process.stderr): void {
  if (lineOpen) stream.write('\n');
  lineOpen = false;
}
