-- deriv: the peer of bench/programs/deriv.scm; Scheme lists become Lua arrays
-- and symbols become strings.
local function map_rest(list, f)
  local out = {}
  for i = 2, #list do out[#out + 1] = f(list[i]) end
  return out
end

local function prepend(head, rest)
  table.insert(rest, 1, head)
  return rest
end

local deriv
deriv = function(a)
  if type(a) ~= "table" then
    if a == "x" then return 1 else return 0 end
  end
  local operator = a[1]
  if operator == "+" or operator == "-" then
    return prepend(operator, map_rest(a, deriv))
  elseif operator == "*" then
    return {"*", a, prepend("+", map_rest(a, function(b) return {"/", deriv(b), b} end))}
  elseif operator == "/" then
    return {"-", {"/", deriv(a[2]), a[3]}, {"/", a[2], {"*", a[3], a[3], deriv(a[3])}}}
  end
  error("deriv: unknown operator " .. tostring(operator))
end

local function write(datum)
  if type(datum) ~= "table" then return tostring(datum) end
  local parts = {}
  for i = 1, #datum do parts[i] = write(datum[i]) end
  return "(" .. table.concat(parts, " ") .. ")"
end

local expression = {"+", {"*", 3, "x", "x"}, {"*", "a", "x", "x"}, {"*", "b", "x"}, 5}
local result, done = nil, 0
for _ = 1, tonumber(arg[1]) do
  result = deriv(expression)
  if type(result) == "table" then done = done + 1 end
end
print(write(result))
print(done)
