-- string-builder: the peer of bench/programs/string-builder.scm.
local function numbers_text(n)
  local parts = {}
  for i = 0, n - 1 do
    parts[#parts + 1] = tostring(i)
    parts[#parts + 1] = ","
  end
  return table.concat(parts)
end

local function digit_sum(text)
  local sum = 0
  for i = 1, #text do
    local c = string.byte(text, i)
    if c ~= 44 then sum = sum + (c - 48) end
  end
  return sum
end

local text = numbers_text(tonumber(arg[1]))
print(#text)
print(digit_sum(text))
