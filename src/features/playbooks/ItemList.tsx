import type { Item } from '../../domain/playbook/schema-common';

/** A numbered list of the plan's lines (rules, tasks, requirements), with who is responsible. */
export function ItemList({ items, names, testId }: { items: readonly Item[]; names: Map<string, string>; testId?: string }) {
  return (
    <ol className="items" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id}>
          {item.title ? <strong>{item.title}: </strong> : null}
          {item.text}
          {item.owner ? <span className="item-owner"> — {names.get(item.owner) ?? item.owner}</span> : null}
        </li>
      ))}
    </ol>
  );
}
