/**
 * Python's `'%.2f' % x`. JavaScript's toFixed rounds exact binary ties
 * (x.125, x.375, …) away from zero where Python rounds half to even, and spells
 * NaN/Infinity and −0 differently; this matches Python in all of those cases.
 */
export function formatFixed2(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  if (ax >= 1e21) return (negative ? '-' : '') + BigInt(Math.round(ax)).toString() + '.00';
  let text: string;
  // A tie at two decimals needs x·100 to end in exactly .5, which in binary means x = k/8 with k odd.
  if (Number.isInteger(ax * 8) && !Number.isInteger(ax * 4) && ax < 2 ** 45) {
    const scaled = ax * 100; // exact: ax has at most 3 fractional bits
    const below = Math.floor(scaled);
    const cents = below % 2 === 0 ? below : below + 1;
    const whole = Math.floor(cents / 100);
    const frac = cents - whole * 100;
    text = `${whole}.${frac < 10 ? '0' : ''}${frac}`;
  } else {
    text = ax.toFixed(2);
  }
  return negative ? `-${text}` : text;
}
