// The analysis chain (pipeline.ts) as lunr pipeline functions, registered with
// lunr under their own labels, and a plugin so a plain lunr index indexes and
// searches with it. Stages:
//   unres-split       tokenizer rules on a raw query term (no-op on tokenizer output)
//   unres-normalise   pipeline.ts normaliseStep
//   unres-stop-words  pipeline.ts isDroppedStep
//   unres-stem        pipeline.ts stemStep
// Token metadata: `type` (word | number | pair | symbol), `word` (index of the token
// the tokenizer produced, shared by every variant of it), `position` ([start, length]).
// Searching with unres does not load this module (nor lunr).

import { createRequire } from 'node:module';
import type lunrModule from 'lunr';
import { isDroppedStep, normaliseStep, stemStep } from './pipeline.js';
import { tokenize, type TokenType } from './tokenizer.js';

// lunr is CommonJS: required directly, Node does not scan its source for ES named exports.
const lunr = createRequire(import.meta.url)('lunr') as typeof lunrModule;

interface TokenMetadata {
  type?: TokenType;
  word?: number;
  position?: [number, number];
  [key: string]: unknown;
}

function metadataOf(token: lunr.Token): TokenMetadata {
  return (token as unknown as { metadata: TokenMetadata }).metadata;
}

function tokensOf(text: string, metadata: object): lunr.Token[] {
  return tokenize(text).map(
    (raw, i) =>
      new lunr.Token(raw.text, {
        ...metadata,
        type: raw.type,
        word: i,
        position: [raw.start, raw.end - raw.start],
      }),
  );
}

/** lunr-compatible tokenizer (a Builder's `tokenizer`). */
export function unresTokenizer(obj?: unknown, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = Array.isArray(obj) ? obj.map(String).join(' ') : String(obj);
  return tokensOf(text, metadata ?? {});
}

export const splitStage: lunr.PipelineFunction = (token) => {
  const meta = metadataOf(token);
  if (meta.type) return token;
  return tokensOf(token.toString(), meta);
};

export const normaliseStage: lunr.PipelineFunction = (token) => {
  const type = metadataOf(token).type ?? 'word';
  const normalised = normaliseStep(token.toString(), type);
  if (normalised.length === 0) return null;
  return token.update(() => normalised);
};

export const stopWordStage: lunr.PipelineFunction = (token) => {
  const type = metadataOf(token).type;
  return type !== undefined && isDroppedStep(token.toString(), type) ? null : token;
};

export const stemStage: lunr.PipelineFunction = (token) => {
  const type = metadataOf(token).type;
  if (type === undefined) return token;
  const variants = stemStep(token.toString(), type);
  if (variants.length === 1) return token.update(() => variants[0]!);
  return variants.map((variant) => token.clone(() => variant));
};

lunr.Pipeline.registerFunction(splitStage, 'unres-split');
lunr.Pipeline.registerFunction(normaliseStage, 'unres-normalise');
lunr.Pipeline.registerFunction(stopWordStage, 'unres-stop-words');
lunr.Pipeline.registerFunction(stemStage, 'unres-stem');

export function createAnalysisPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline();
  pipeline.add(splitStage, normaliseStage, stopWordStage, stemStage);
  return pipeline;
}

/** lunr plugin: `lunr(function () { this.use(unresArabic); ... })` indexes and searches with this chain. */
export function unresArabic(this: lunr.Builder, builder: lunr.Builder): void {
  builder.tokenizer = unresTokenizer as typeof lunr.tokenizer;
  builder.pipeline.reset();
  builder.pipeline.add(splitStage, normaliseStage, stopWordStage, stemStage);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(splitStage, normaliseStage, stopWordStage, stemStage);
}
