-- tak: the peer of bench/programs/tak.scm.
local function tak(x, y, z)
  if not (y < x) then return z end
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
end

local result = 0
for _ = 1, tonumber(arg[1]) do result = tak(18, 12, 6) end
print(result)
