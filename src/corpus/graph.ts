/**
 * Graph helpers over compressed adjacency arrays (CSR). Everything is
 * iterative: a catalogue may hold a 1M-long chain of `implements`, which
 * would overflow the call stack of any recursive walk.
 *
 * @module
 * @internal
 */
import { filled } from "./arrays.js";

/** Adjacency in compressed sparse row form: the edges of node v are `targets[start[v] .. start[v + 1])`. */
export interface Adjacency {
  readonly start: readonly number[];
  readonly targets: readonly number[];
}

/**
 * Strongly connected components that contain a cycle (size > 1, or a
 * self-loop), by an iterative Tarjan walk. O(V + E).
 * @internal
 */
export function cyclicComponents(nodeCount: number, adj: Adjacency): number[][] {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(adj.start[root]!);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top]!;
      const e = callEdge[top]!;
      if (e < adj.start[v + 1]!) {
        callEdge[top] = e + 1;
        const w = adj.targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(adj.start[w]!);
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        // A lone node is popped without building a component: a million acyclic nodes allocate nothing.
        if (stack[stack.length - 1] === v && !hasSelfLoop(adj, v)) {
          stack.pop();
          onStack[v] = 0;
          continue;
        }
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || hasSelfLoop(adj, v)) components.push(component);
      }
    }
  }
  return components;
}

function hasSelfLoop(adj: Adjacency, v: number): boolean {
  for (let e = adj.start[v]!; e < adj.start[v + 1]!; e++) if (adj.targets[e] === v) return true;
  return false;
}

/**
 * One cycle through the smallest node of a cyclic component, as node indexes
 * with the first repeated at the end (`[a, b, c, a]`). BFS inside the
 * component gives the shortest such cycle.
 * @internal
 */
export function cycleIn(component: readonly number[], adj: Adjacency): number[] {
  const members = new Set(component);
  let s = component[0]!;
  for (const v of component) if (v < s) s = v;
  const previous = new Map<number, number>();
  const queue: number[] = [s];
  let found = -1;
  for (let head = 0; head < queue.length && found === -1; head++) {
    const v = queue[head]!;
    for (let e = adj.start[v]!; e < adj.start[v + 1]!; e++) {
      const w = adj.targets[e]!;
      if (!members.has(w)) continue;
      if (w === s) {
        found = v;
        break;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  const path = [s];
  for (let v = found; v !== s; v = previous.get(v)!) path.push(v);
  path.push(s);
  // path is s, found, …, s walking backwards; reverse the middle to follow edge direction.
  return [s, ...path.slice(1, -1).reverse(), s];
}

/**
 * CSR adjacency from edge lists (edge e runs from `from[e]` to `to[e]`),
 * each node's edges in list order: a stable counting sort by source.
 * @internal
 */
export function csr(n: number, from: readonly number[], to: readonly number[]): Adjacency {
  const start = filled(n + 1, 0);
  for (let e = 0; e < from.length; e++) start[from[e]! + 1]! += 1;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const next = start.slice(0, n);
  const targets = filled(from.length, 0);
  for (let e = 0; e < from.length; e++) targets[next[from[e]!]!++] = to[e]!;
  return { start, targets };
}
