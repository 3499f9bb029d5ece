// Learns a linear re-ranking of unres's best candidates from the judgments (issue 12) and measures it
// honestly: leave-one-set-out cross-validation over the collection's sets (train on the others, score
// the set left out), so only the held-out figure counts.
//
//   npm run train:rank -- [FILE] [--mode free|count] [--features a,b,c] [--method ca|pairwise|lambda] [--l2 X --epochs N --rate X] [--weights] [--per-query]
//
// (features first: `node dist/scripts/rank-features.js`; FILE defaults to what it writes).
//
// --mode count keeps the present rule (clauses holding more query words first) and learns only the order
// within a count; free lets the model cross counts. Features are scaled per query to [0, 1] (min-max over the
// query's candidates) before weighting. Coordinate ascent (Metzler and Croft) maximises mean nDCG@10 directly
// from the present order (weight 1 on the present score); pairwise is a linear RankNet (logistic loss on pairs
// of different grade, L2). --weights prints the model trained on every set.

import { readFileSync } from 'node:fs';
import { FEATURES_FILE } from './rank-features.js';

interface Row {
  key: string;
  grade: number;
  x: number[];
}
interface Query {
  id: string;
  set: string;
  query: string;
  ideal: number;
  rows: Row[];
}
interface Prepared {
  q: Query;
  /** Scaled features, row-major. */
  x: Float64Array[];
  matched: number[];
  grades: number[];
}

const CUTOFF = 10;
const DISCOUNT = Array.from({ length: CUTOFF }, (_, i) => 1 / Math.log2(i + 2));

function prepare(q: Query, pick: number[], matchedAt: number): Prepared {
  const n = q.rows.length;
  const x = q.rows.map(() => new Float64Array(pick.length));
  pick.forEach((f, j) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of q.rows) {
      lo = Math.min(lo, r.x[f]!);
      hi = Math.max(hi, r.x[f]!);
    }
    for (let i = 0; i < n; i++) x[i]![j] = hi > lo ? (q.rows[i]!.x[f]! - lo) / (hi - lo) : 0;
  });
  return { q, x, matched: q.rows.map((r) => r.x[matchedAt]!), grades: q.rows.map((r) => r.grade) };
}

/** nDCG@10 of one query's candidates ordered by the model (ties keep the present order). */
function ndcg(p: Prepared, w: Float64Array, byCount: boolean): number {
  const n = p.x.length;
  if (p.q.ideal <= 0) return 0;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    const xi = p.x[i]!;
    for (let j = 0; j < w.length; j++) v += w[j]! * xi[j]!;
    s[i] = byCount ? p.matched[i]! * 1e6 + v : v;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
  let dcg = 0;
  for (let k = 0; k < Math.min(CUTOFF, n); k++) dcg += p.grades[order[k]!]! * DISCOUNT[k]!;
  return dcg / p.q.ideal;
}

const meanNdcg = (ps: Prepared[], w: Float64Array, byCount: boolean) => ps.reduce((s, p) => s + ndcg(p, w, byCount), 0) / Math.max(1, ps.length);

const STEPS = [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];

/** Coordinate ascent from the present order (weight 1 on feature 0, the present score). */
function coordinateAscent(ps: Prepared[], dims: number, byCount: boolean, passes = 8): Float64Array {
  const w = new Float64Array(dims);
  w[0] = 1;
  let best = meanNdcg(ps, w, byCount);
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let j = 1; j < dims; j++) {
      const keep = w[j]!;
      let bestValue = keep;
      for (const step of STEPS) {
        for (const sign of [1, -1]) {
          w[j] = keep + sign * step;
          const v = meanNdcg(ps, w, byCount);
          if (v > best + 1e-6) {
            best = v;
            bestValue = w[j]!;
            improved = true;
          }
        }
      }
      w[j] = bestValue;
    }
    if (!improved) break;
  }
  return w;
}

/** Linear RankNet: logistic loss over pairs of candidates of different grade, L2, plain gradient descent. */
function pairwise(ps: Prepared[], dims: number, byCount: boolean, lambda = 0.01, epochs = 200, rate = 0.5): Float64Array {
  const w = new Float64Array(dims);
  w[0] = 1;
  const pairs: Array<[Float64Array, Float64Array, number]> = [];
  for (const p of ps) {
    for (let a = 0; a < p.x.length; a++) {
      for (let b = 0; b < p.x.length; b++) {
        if (p.grades[a]! <= p.grades[b]!) continue;
        if (byCount && p.matched[a] !== p.matched[b]) continue;
        pairs.push([p.x[a]!, p.x[b]!, (p.grades[a]! - p.grades[b]!) / Math.max(1, p.x.length)]);
      }
    }
  }
  const g = new Float64Array(dims);
  for (let e = 0; e < epochs; e++) {
    g.fill(0);
    let total = 0;
    for (const [xa, xb, weight] of pairs) {
      let d = 0;
      for (let j = 0; j < dims; j++) d += w[j]! * (xa[j]! - xb[j]!);
      const sig = 1 / (1 + Math.exp(d));
      for (let j = 0; j < dims; j++) g[j]! += weight * sig * (xa[j]! - xb[j]!);
      total += weight;
    }
    for (let j = 0; j < dims; j++) w[j] = w[j]! + rate * (g[j]! / total - lambda * (j === 0 ? w[j]! - 1 : w[j]!));
  }
  return w;
}

/**
 * Linear LambdaRank: the pairwise gradient with each pair weighted by how much nDCG@10 would change if the
 * two swapped places in the model's present order (recomputed every epoch), so pairs in the top 10 count.
 */
function lambdaRank(ps: Prepared[], dims: number, byCount: boolean, lambda: number, epochs: number, rate: number): Float64Array {
  const w = new Float64Array(dims);
  w[0] = 1;
  const g = new Float64Array(dims);
  for (let e = 0; e < epochs; e++) {
    g.fill(0);
    for (const p of ps) {
      const n = p.x.length;
      const s = p.x.map((xi, i) => {
        let v = 0;
        for (let j = 0; j < dims; j++) v += w[j]! * xi[j]!;
        return byCount ? p.matched[i]! * 1e6 + v : v;
      });
      const raw = p.x.map((xi) => {
        let v = 0;
        for (let j = 0; j < dims; j++) v += w[j]! * xi[j]!;
        return v;
      });
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
      const rank = new Array<number>(n);
      order.forEach((i, r) => (rank[i] = r));
      const disc = (r: number) => (r < CUTOFF ? DISCOUNT[r]! : 0);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          if (p.grades[a]! <= p.grades[b]!) continue;
          if (byCount && p.matched[a] !== p.matched[b]) continue;
          const delta = Math.abs((p.grades[a]! - p.grades[b]!) * (disc(rank[a]!) - disc(rank[b]!))) / p.q.ideal;
          if (delta === 0) continue;
          const sig = 1 / (1 + Math.exp(raw[a]! - raw[b]!));
          const xa = p.x[a]!;
          const xb = p.x[b]!;
          for (let j = 0; j < dims; j++) g[j]! += delta * sig * (xa[j]! - xb[j]!);
        }
      }
    }
    for (let j = 0; j < dims; j++) w[j] = w[j]! + rate * (g[j]! / ps.length - lambda * (j === 0 ? w[j]! - 1 : w[j]!));
  }
  return w;
}

function main(argv: string[]): void {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = argv.find((a) => a.endsWith('.json')) ?? FEATURES_FILE;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { features: string[]; queries: Query[] };
  const names = data.features;
  const wanted = option('--features')?.split(',') ?? names;
  const pick = ['score', ...wanted.filter((f) => f !== 'score')].map((f) => {
    const i = names.indexOf(f);
    if (i < 0) throw new Error(`unknown feature ${f}`);
    return i;
  });
  const byCount = (option('--mode') ?? 'free') === 'count';
  const method = option('--method') ?? 'ca';
  // LambdaRank's L2 weight, epochs and learning rate.
  const l2 = Number(option('--l2') ?? 0.001);
  const epochs = Number(option('--epochs') ?? 150);
  const rate = Number(option('--rate') ?? 2);
  const learn = (ps: Prepared[]) =>
    method === 'pairwise' ? pairwise(ps, pick.length, byCount) : method === 'lambda' ? lambdaRank(ps, pick.length, byCount, l2, epochs, rate) : coordinateAscent(ps, pick.length, byCount);
  const prepared = data.queries.map((q) => prepare(q, pick, names.indexOf('matched')));
  const present = new Float64Array(pick.length);
  present[0] = 1;
  const sets = [...new Set(prepared.map((p) => p.q.set))];
  const perQuery = new Map<string, { present: number; learned: number }>();
  const lines: string[] = [`${'set'.padEnd(12)}${'queries'.padStart(8)}${'present'.padStart(9)}${'learned'.padStart(9)}${'diff'.padStart(8)}  wins/losses`];
  for (const set of sets) {
    const train = prepared.filter((p) => p.q.set !== set);
    const test = prepared.filter((p) => p.q.set === set);
    const w = learn(train);
    let wins = 0;
    let losses = 0;
    for (const p of test) {
      const a = ndcg(p, present, false);
      const b = ndcg(p, w, byCount);
      perQuery.set(p.q.id, { present: a, learned: b });
      if (b > a + 1e-9) wins++;
      else if (b < a - 1e-9) losses++;
    }
    const a = meanNdcg(test, present, false);
    const b = test.reduce((s, p) => s + perQuery.get(p.q.id)!.learned, 0) / test.length;
    lines.push(`${set.padEnd(12)}${String(test.length).padStart(8)}${a.toFixed(3).padStart(9)}${b.toFixed(3).padStart(9)}${(b - a >= 0 ? '+' : '') + (b - a).toFixed(3).padStart(7)}  ${wins}/${losses}`);
  }
  const all = [...perQuery.values()];
  const a = all.reduce((s, r) => s + r.present, 0) / all.length;
  const b = all.reduce((s, r) => s + r.learned, 0) / all.length;
  const wins = all.filter((r) => r.learned > r.present + 1e-9).length;
  const losses = all.filter((r) => r.learned < r.present - 1e-9).length;
  lines.push(`${'all (CV)'.padEnd(12)}${String(all.length).padStart(8)}${a.toFixed(4).padStart(9)}${b.toFixed(4).padStart(9)}${(b - a >= 0 ? '+' : '') + (b - a).toFixed(4).padStart(7)}  ${wins}/${losses}`);
  process.stdout.write(`method ${method}, mode ${byCount ? 'count' : 'free'}, features ${pick.map((i) => names[i]).join(',')}\n${lines.join('\n')}\n`);
  if (argv.includes('--weights')) {
    const w = learn(prepared);
    process.stdout.write(`in-sample (not evidence): ${meanNdcg(prepared, w, byCount).toFixed(4)}\n`);
    pick.forEach((f, j) => process.stdout.write(`  ${names[f]!.padEnd(14)} ${w[j]!.toFixed(3)}\n`));
  }
  if (argv.includes('--per-query')) {
    for (const p of prepared) {
      const r = perQuery.get(p.q.id)!;
      if (Math.abs(r.learned - r.present) > 1e-9) process.stdout.write(`${p.q.id}\t${p.q.set}\t${r.present.toFixed(3)}\t${r.learned.toFixed(3)}\t${p.q.query}\n`);
    }
  }
}

main(process.argv.slice(2));
