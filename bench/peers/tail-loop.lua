-- tail-loop: the peer of bench/programs/tail-loop.scm (a while loop).
local function sum_below(n)
  local i, acc = 0, 0
  while i ~= n do
    acc = acc + i
    i = i + 1
  end
  return acc
end

print(string.format("%d", sum_below(tonumber(arg[1]))))
