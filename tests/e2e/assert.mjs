// node:assert/strict, counting every assertion made, so a run can say how many it checked.
import strict from 'node:assert/strict';
import { after } from 'node:test';
import { basename } from 'node:path';

let count = 0;
const counted = (fn) => (...args) => {
  count += 1;
  return fn(...args);
};

const assert = counted(strict);
for (const [name, fn] of Object.entries(strict)) {
  assert[name] = typeof fn === 'function' ? counted(fn) : fn;
}

/** Prints the file's assertion count when its tests are done. */
export function reportAssertions(file) {
  after(() => console.log(`e2e assertions in ${basename(file)}: ${count}`));
}

export default assert;
