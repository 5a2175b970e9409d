-- nqueens: the peer of bench/programs/nqueens.scm, with the same algorithm;
-- lists are cons cells {head, tail}, nil is the empty list.
local function cons(head, tail) return {head, tail} end

local function ok(row, dist, placed)
  while placed do
    local first = placed[1]
    if first == row + dist or first == row - dist or first == row then return false end
    dist = dist + 1
    placed = placed[2]
  end
  return true
end

local function append(front, back)
  if front == nil then return back end
  return cons(front[1], append(front[2], back))
end

local function place(remaining, candidates_left, placed)
  if remaining == nil then
    if candidates_left == nil then return 1 else return 0 end
  end
  local row = remaining[1]
  local here = 0
  if ok(row, 1, placed) then
    here = place(append(remaining[2], candidates_left), nil, cons(row, placed))
  end
  return here + place(remaining[2], cons(row, candidates_left), placed)
end

local function queens(board_size)
  local rows = nil
  for i = board_size, 1, -1 do rows = cons(i, rows) end
  return place(rows, nil, nil)
end

print(queens(tonumber(arg[1])))
