// The byte-capped caches' eviction rule (map tiles, published files), natively in Node:
// `node --test sw/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evictions } from './budget.js';

const tile = (url, bytes, used) => ({ url, bytes, used });

test('nothing is deleted while the cache fits its cap', () => {
  assert.deepEqual(evictions([], 100), []);
  assert.deepEqual(evictions([tile('a', 60, 1), tile('b', 40, 2)], 100), []);
});

test('the least recently used go first, only as many as needed', () => {
  const entries = [tile('new', 40, 30), tile('old', 40, 10), tile('mid', 40, 20)];
  assert.deepEqual(evictions(entries, 80), ['old']);
  assert.deepEqual(evictions(entries, 79), ['old', 'mid']);
  assert.deepEqual(evictions(entries, 0), ['old', 'mid', 'new']);
});

test('a large old tile can make room for several new ones', () => {
  const entries = [tile('big', 500, 1), tile('a', 10, 2), tile('b', 10, 3)];
  assert.deepEqual(evictions(entries, 100), ['big']);
});

test('ties in use time are broken by URL, so the choice is stable', () => {
  const entries = [tile('c', 10, 5), tile('a', 10, 5), tile('b', 10, 5)];
  assert.deepEqual(evictions(entries, 15), ['a', 'b']);
});

test('the input is not reordered', () => {
  const entries = [tile('b', 10, 2), tile('a', 10, 1)];
  evictions(entries, 0);
  assert.deepEqual(entries.map((e) => e.url), ['b', 'a']);
});
