import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

/** RFC 3339 instant with an offset on input; UTC ISO 8601 on output. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  name: 'DateTime',
  description: '时刻：输入须为带时区偏移的 RFC 3339 (如 2026-03-31T23:30:00+08:00)，输出为 UTC ISO 8601 (instant)',
});

/** Calendar day in the office time zone, kept as the `YYYY-MM-DD` string. */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: '日期：YYYY-MM-DD，按办公地时区理解 (calendar date in the office time zone)',
});
