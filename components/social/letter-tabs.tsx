const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

type LetterTabsProps = { selected: string | null; onSelect: (letter: string) => void };

/**
 * A–Z, one pressed at a time (toggle buttons in a labelled group: each one filters in
 * place, there is no separate tab panel to move focus into).
 */
export function LetterTabs({ selected, onSelect }: LetterTabsProps) {
  return (
    <div role="group" aria-label="First letter of the name" className="letter-tabs">
      {LETTERS.map((letter) => (
        <button key={letter} type="button" className="letter-tab" aria-pressed={selected === letter} onClick={() => onSelect(letter)}>
          {letter.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
