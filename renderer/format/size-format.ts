/** Byte counts and short durations worded by Intl (units and separators from the browser, not from us). */
export interface SizeFormatters {
  bytes(count: number): string;
  milliseconds(count: number): string;
}

const KIB = 1024;
const MIB = 1024 * 1024;

export function createSizeFormatters(locale: string): SizeFormatters {
  const unit = (name: string, maximumFractionDigits: number): Intl.NumberFormat =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits });
  const byte = unit('byte', 0);
  const kilobyte = unit('kilobyte', 1);
  const megabyte = unit('megabyte', 1);
  const millisecond = unit('millisecond', 0);
  const second = unit('second', 1);
  return {
    // Binary multiples under the usual short names (kB, MB), as file managers show them.
    bytes: (count) => (count < KIB ? byte.format(count) : count < MIB ? kilobyte.format(count / KIB) : megabyte.format(count / MIB)),
    milliseconds: (count) => (count < 1000 ? millisecond.format(count) : second.format(count / 1000)),
  };
}
