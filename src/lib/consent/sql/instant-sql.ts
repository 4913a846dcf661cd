/**
 * Reading an instant in SQL exactly as `parseEffective` reads it
 * (src/lib/time/effective-instant.ts): a bare date `YYYY-MM-DD`, or a
 * date-time with seconds and up to nine fraction digits optional and an
 * offset (`Z`, `+HH:MM`) required; the calendar date must exist, hours
 * 00–23, minutes and seconds 00–59, offsets up to 23:59. Anything else is
 * NULL **and flagged**, never a guess: no engine cast is used on the text
 * (DuckDB casts an instant without an offset as UTC, and `try_cast` turns
 * garbage into NULL silently). The shape is checked with TRANSLATE (every
 * digit becomes 9) against the list of shapes the grammar allows, and the
 * epoch milliseconds are computed with integer arithmetic (days from the
 * civil date, Howard Hinnant's algorithm), so the same text gives the same
 * number in every dialect.
 */
import { type SqlDialect, sqlString } from './sql-dialect.ts';

const DATE_SHAPE = '9999-99-99';

/** Every shape of a date-time the grammar allows, digits written as 9. */
const DATE_TIME_SHAPES: readonly string[] = ['', ':99', ...Array.from({ length: 9 }, (_, i) => `:99.${'9'.repeat(i + 1)}`)].flatMap((seconds) =>
  ['Z', '+99:99', '-99:99'].map((offset) => `9999-99-99T99:99${seconds}${offset}`),
);

/** Select items of one stage, each `expression AS name`. */
export type SqlStage = string[];

/**
 * The stages (each a list of select items that may use the columns of the
 * stages before it) that read the text column `input` into
 * `<p>kind` ('date', 'date-time', or NULL when it is no valid instant),
 * `<p>days` (days since 1970-01-01 of the calendar date written) and
 * `<p>ms` (epoch milliseconds of a date-time).
 */
export function getInstantStages(dialect: SqlDialect, input: string, p: string): SqlStage[] {
  const t = `${p}t`;
  const { intDiv } = dialect;
  const int = (start: number | string, length: number) => `CAST(SUBSTRING(${t}, ${start}, ${length}) AS INTEGER)`;
  const ifForm = (forms: string, value: string, otherwise = 'NULL') => `CASE WHEN ${p}form IN (${forms}) THEN ${value} ELSE ${otherwise} END`;
  const anyForm = "'date', 'date-time'";
  const timeForm = "'date-time'";
  const zulu = `SUBSTRING(${t}, ${p}len, 1) = 'Z'`;
  const bodyLength = `(${p}len - CASE WHEN ${zulu} THEN 1 ELSE 6 END)`;
  const leap = `((MOD(${p}y, 4) = 0 AND MOD(${p}y, 100) <> 0) OR MOD(${p}y, 400) = 0)`;
  const monthDays = `CASE WHEN ${p}mo IN (4, 6, 9, 11) THEN 30 WHEN ${p}mo = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ELSE 31 END`;
  return [
    [`${dialect.trim(input)} AS ${t}`],
    [`TRANSLATE(${t}, '0123456789', '9999999999') AS ${p}shape`, `LENGTH(${t}) AS ${p}len`],
    // One lookup in a list of every shape, not an IN list: an engine that inlines the stages would copy the shape expression once per item.
    [`CASE WHEN ${p}shape = '${DATE_SHAPE}' THEN 'date' WHEN POSITION('|' IN ${p}shape) = 0 AND POSITION('|' || ${p}shape || '|' IN ${sqlString(`|${DATE_TIME_SHAPES.join('|')}|`)}) > 0 THEN 'date-time' END AS ${p}form`],
    [
      `${ifForm(anyForm, int(1, 4))} AS ${p}y`,
      `${ifForm(anyForm, int(6, 2))} AS ${p}mo`,
      `${ifForm(anyForm, int(9, 2))} AS ${p}d`,
      `${ifForm(timeForm, int(12, 2), '0')} AS ${p}hh`,
      `${ifForm(timeForm, int(15, 2), '0')} AS ${p}mi`,
      `${ifForm(timeForm, `CASE WHEN ${bodyLength} >= 19 THEN ${int(18, 2)} ELSE 0 END`, '0')} AS ${p}ss`,
      // Only milliseconds count, as in parseEffective: the first three fraction digits, padded with zeros.
      `${ifForm(timeForm, `CASE WHEN ${bodyLength} >= 21 THEN CAST(SUBSTRING(SUBSTRING(${t}, 1, ${bodyLength}) || '000', 21, 3) AS INTEGER) ELSE 0 END`, '0')} AS ${p}ms3`,
      `${ifForm(timeForm, `CASE WHEN ${zulu} THEN 0 ELSE ${int(`${p}len - 4`, 2)} END`, '0')} AS ${p}oh`,
      `${ifForm(timeForm, `CASE WHEN ${zulu} THEN 0 ELSE ${int(`${p}len - 1`, 2)} END`, '0')} AS ${p}om`,
      `CASE WHEN SUBSTRING(${t}, ${p}len - 5, 1) = '-' THEN -1 ELSE 1 END AS ${p}sign`,
    ],
    [
      `CASE WHEN ${p}form IS NOT NULL AND ${p}mo BETWEEN 1 AND 12 AND ${p}d >= 1 AND ${p}d <= ${monthDays} AND ${p}hh <= 23 AND ${p}mi <= 59 AND ${p}ss <= 59 AND ${p}oh <= 23 AND ${p}om <= 59 THEN ${p}form END AS ${p}kind`,
    ],
    // Years as written, 0000–9999 (ISO 8601's proleptic Gregorian calendar, year 0 a leap year), as parseEffective reads them.
    // Days from the civil date (Hinnant): March-based years, shifted by 400 years (146097 days) so that every division has non-negative operands.
    [`CASE WHEN ${p}kind IS NOT NULL THEN ${p}y - CASE WHEN ${p}mo <= 2 THEN 1 ELSE 0 END + 400 END AS ${p}sy`],
    [`${intDiv(`${p}sy`, '400')} AS ${p}era`, `${p}sy - ${intDiv(`${p}sy`, '400')} * 400 AS ${p}yoe`],
    [`${p}era * 146097 + ${p}yoe * 365 + ${intDiv(`${p}yoe`, '4')} - ${intDiv(`${p}yoe`, '100')} + ${intDiv(`153 * MOD(${p}mo + 9, 12) + 2`, '5')} + ${p}d - 1 - 719468 - 146097 AS ${p}days`],
    [`CASE WHEN ${p}kind = 'date-time' THEN CAST(${p}days AS BIGINT) * 86400000 + ${p}hh * 3600000 + ${p}mi * 60000 + ${p}ss * 1000 + ${p}ms3 - ${p}sign * (${p}oh * 60 + ${p}om) * 60000 END AS ${p}ms`],
  ];
}
