import { compareStrings } from './ordering';

/**
 * The cycles of a directed graph: every strongly connected component with
 * more than one node, or a node pointing to itself. Iterative (Tarjan), so
 * deep graphs cannot overflow the stack. Each cycle is sorted, the list is
 * sorted by first node.
 */
export function findCycles(
  nodes: ReadonlyArray<string>,
  successors: (node: string) => ReadonlyArray<string>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) {
      continue;
    }
    const work: Array<{ node: string; next: number }> = [
      { node: root, next: 0 },
    ];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = successors(frame.node);
      if (frame.next < edges.length) {
        const target = edges[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(
            frame.node,
            Math.min(low.get(frame.node)!, index.get(target)!),
          );
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) {
          cycles.push(component.sort(compareStrings));
        }
      }
    }
  }
  return cycles.sort((a, b) => compareStrings(a[0], b[0]));
}
