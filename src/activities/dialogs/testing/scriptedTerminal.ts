import { PassThrough } from 'node:stream';

/**
 * A scripted person at a terminal, for tests of the terminal dialogs: answers each prompt once it
 * appears on the output (null = presses Ctrl+D), and keeps the whole transcript.
 */
export function scriptedTerminal(script: [prompt: RegExp, answer: string | null][]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let pending = '';
  let transcript = '';
  output.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    transcript += chunk.toString('utf8');
    while (script.length > 0 && script[0][0].test(pending)) {
      const [, answer] = script.shift()!;
      pending = '';
      if (answer === null) input.end();
      else input.write(`${answer}\n`);
    }
  });
  return { input, output, transcript: () => transcript, unanswered: () => script.length };
}
