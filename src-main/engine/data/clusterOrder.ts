/**
 * An order of the variables of a correlation matrix that puts related ones together:
 * agglomerative clustering on the distance 1 − |r| (NaN counts as 1, unrelated) with
 * average linkage (UPGMA), then the leaves of the dendrogram left to right. As in
 * scipy's linkage + leaves_list, each merge puts the cluster with the smaller id on the
 * left (original variables 0..n−1, merged clusters n, n+1, … in merge order). Ties
 * between equal distances go to the first pair in scan order, so the order is
 * deterministic (scipy may break such ties differently).
 * Naive O(n³), meant for the tens of columns a correlation view shows.
 */
export function clusterOrder(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const distance = (r: number): number => (r === r ? 1 - Math.abs(r) : 1);

  // Active clusters: id, members count, children, and distances between active clusters.
  const ids: number[] = Array.from({ length: n }, (_, i) => i);
  const sizes: number[] = new Array<number>(n).fill(1);
  const children = new Map<number, [number, number]>();
  const d: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => distance(matrix[i][j])),
  );

  let nextId = n;
  while (ids.length > 1) {
    let bestA = 0;
    let bestB = 1;
    let best = Infinity;
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const dist = d[a][b];
        if (dist < best) {
          best = dist;
          bestA = a;
          bestB = b;
        }
      }
    }
    const left = Math.min(ids[bestA], ids[bestB]);
    const right = Math.max(ids[bestA], ids[bestB]);
    children.set(nextId, [left, right]);
    const sizeA = sizes[bestA];
    const sizeB = sizes[bestB];
    // Average linkage: the merged cluster's distance is the size-weighted mean of its parts'.
    const merged = ids.map((_, c) => (sizeA * d[bestA][c] + sizeB * d[bestB][c]) / (sizeA + sizeB));
    // Replace A by the merged cluster and remove B (B > A, so A's position is unaffected).
    ids[bestA] = nextId++;
    sizes[bestA] = sizeA + sizeB;
    for (let c = 0; c < ids.length; c++) {
      d[bestA][c] = merged[c];
      d[c][bestA] = merged[c];
    }
    d[bestA][bestA] = 0;
    ids.splice(bestB, 1);
    sizes.splice(bestB, 1);
    d.splice(bestB, 1);
    for (const row of d) row.splice(bestB, 1);
  }

  const order: number[] = [];
  const stack = [ids[0]];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    const pair = children.get(id);
    if (pair) stack.push(pair[1], pair[0]);
    else order.push(id);
  }
  return order;
}
