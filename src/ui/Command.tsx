import { Fragment } from 'react';

/**
 * A command for someone to type. Lines may break between its words, never inside one: split
 * across a line as "-" and "- tls", a command is read wrong and typed wrong.
 */
export function Command({ text }: { text: string }) {
  const words = text.split(' ');
  return (
    <code className="command">
      {words.map((word, i) => (
        // Words repeat ("--"), so their place is their key; the list never reorders. The space
        // stays outside the unbreakable word, or there would be nowhere left to break.
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span className="command-word">{word}</span>
        </Fragment>
      ))}
    </code>
  );
}
