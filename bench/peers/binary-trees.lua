-- binary-trees: the peer of bench/programs/binary-trees.scm (trees of
-- two-element tables; a leaf's children are false).
local function make_tree(depth)
  if depth == 0 then return {false, false} end
  return {make_tree(depth - 1), make_tree(depth - 1)}
end

local function check(tree)
  if not tree[1] then return 1 end
  return 1 + check(tree[1]) + check(tree[2])
end

local max_depth = tonumber(arg[1])
local min_depth = 4
print(string.format("stretch tree of depth %d check: %d", max_depth + 1, check(make_tree(max_depth + 1))))
local long_lived = make_tree(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = 2 ^ (max_depth - depth + min_depth)
  local sum = 0
  for _ = 1, iterations do sum = sum + check(make_tree(depth)) end
  print(string.format("%d trees of depth %d check: %d", iterations, depth, sum))
end
print(string.format("long lived tree of depth %d check: %d", max_depth, check(long_lived)))
