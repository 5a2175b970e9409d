-- sieve: the peer of bench/programs/sieve.scm (a table of booleans).
local function count_primes(limit)
  local composite = {}
  for i = 0, limit - 1 do composite[i] = false end
  local count = 0
  for i = 2, limit - 1 do
    if not composite[i] then
      for j = i * i, limit - 1, i do composite[j] = true end
      count = count + 1
    end
  end
  return count
end

local result = 0
for _ = 1, 10 do result = count_primes(tonumber(arg[1])) end
print(result)
