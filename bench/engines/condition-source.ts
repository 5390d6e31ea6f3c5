import type { Condition } from '@fairpost/core';

/** A condition as a two-valued JavaScript expression over `s` (every fact known), for the generated if-chain. */
export function conditionSource(condition: Condition): string {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) {
    return c.all.length === 0 ? 'true' : `(${(c.all as Condition[]).map(conditionSource).join(' && ')})`;
  }
  if (Array.isArray(c.any)) {
    return c.any.length === 0 ? 'false' : `(${(c.any as Condition[]).map(conditionSource).join(' || ')})`;
  }
  if (c.not !== undefined) return `!(${conditionSource(c.not as Condition)})`;
  const value = `s[${JSON.stringify(c.fact)}]`;
  const oneOf = (values: unknown[]) =>
    `(${values.map((v) => `${value} === ${JSON.stringify(v)}`).join(' || ')})`;
  if (c.is !== undefined) return `(${value} === ${JSON.stringify(c.is)})`;
  if (c.isNot !== undefined) return `(${value} !== ${JSON.stringify(c.isNot)})`;
  if (Array.isArray(c.in)) return oneOf(c.in);
  if (Array.isArray(c.notIn)) return `!${oneOf(c.notIn)}`;
  throw new Error(`not a condition: ${JSON.stringify(condition)}`);
}
