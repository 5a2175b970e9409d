-- richards: the peer of bench/programs/richards.ut, a translation of the V8
-- benchmark suite's richards.js; each Utena class is a metatable of methods.
-- Bit operations use arithmetic so that Lua 5.4 and LuaJIT run the same file.
local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 0, 1, 2, 3, 4, 5
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local function class()
  local methods = {}
  methods.__index = methods
  return methods
end

local Packet = class()
function Packet.new(link, id, kind)
  local a2 = {}
  for i = 1, DATA_SIZE do a2[i] = 0 end
  return setmetatable({link = link, id = id, kind = kind, a1 = 0, a2 = a2}, Packet)
end
function Packet:add_to(queue)
  self.link = nil
  if queue == nil then return self end
  local next = queue
  while next.link ~= nil do next = next.link end
  next.link = self
  return queue
end

-- A task control block's state is three flags (runnable, suspended, held)
-- rather than richards.js's bit set.
local TaskControlBlock = class()
function TaskControlBlock.new(link, id, priority, queue, task)
  return setmetatable({link = link, id = id, priority = priority, queue = queue, task = task,
                       runnable = queue ~= nil, suspended = true, held = false}, TaskControlBlock)
end
function TaskControlBlock:set_running() self.runnable, self.suspended, self.held = false, false, false end
function TaskControlBlock:mark_as_not_held() self.held = false end
function TaskControlBlock:mark_as_held() self.held = true end
function TaskControlBlock:mark_as_suspended() self.suspended = true end
function TaskControlBlock:mark_as_runnable() self.runnable = true end
function TaskControlBlock:is_held_or_suspended()
  return self.held or (self.suspended and not self.runnable)
end
function TaskControlBlock:run()
  local packet = nil
  if self.suspended and self.runnable and not self.held then
    packet = self.queue
    self.queue = packet.link
    self.suspended = false
    self.runnable = self.queue ~= nil
  end
  return self.task:run(packet)
end
function TaskControlBlock:check_priority_add(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:mark_as_runnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:add_to(self.queue)
  end
  return task
end

local Scheduler = class()
local IdleTask, DeviceTask, WorkerTask, HandlerTask = class(), class(), class(), class()

function Scheduler.new()
  return setmetatable({queue_count = 0, hold_count = 0, blocks = {}, list = nil,
                       current_tcb = nil, current_id = nil}, Scheduler)
end
function Scheduler:add_task(id, priority, queue, task)
  self.current_tcb = TaskControlBlock.new(self.list, id, priority, queue, task)
  self.list = self.current_tcb
  self.blocks[id] = self.current_tcb
end
function Scheduler:add_idle_task(id, priority, queue, count)
  self:add_task(id, priority, queue, setmetatable({scheduler = self, v1 = 1, count = count}, IdleTask))
  self.current_tcb:set_running()
end
function Scheduler:add_worker_task(id, priority, queue)
  self:add_task(id, priority, queue, setmetatable({scheduler = self, v1 = ID_HANDLER_A, v2 = 0}, WorkerTask))
end
function Scheduler:add_handler_task(id, priority, queue)
  self:add_task(id, priority, queue, setmetatable({scheduler = self}, HandlerTask))
end
function Scheduler:add_device_task(id, priority, queue)
  self:add_task(id, priority, queue, setmetatable({scheduler = self}, DeviceTask))
end
function Scheduler:schedule()
  self.current_tcb = self.list
  while self.current_tcb ~= nil do
    if self.current_tcb:is_held_or_suspended() then
      self.current_tcb = self.current_tcb.link
    else
      self.current_id = self.current_tcb.id
      self.current_tcb = self.current_tcb:run()
    end
  end
end
function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then return tcb end
  tcb:mark_as_not_held()
  if tcb.priority > self.current_tcb.priority then return tcb end
  return self.current_tcb
end
function Scheduler:hold_current()
  self.hold_count = self.hold_count + 1
  self.current_tcb:mark_as_held()
  return self.current_tcb.link
end
function Scheduler:suspend_current()
  self.current_tcb:mark_as_suspended()
  return self.current_tcb
end
function Scheduler:queue(packet)
  local tcb = self.blocks[packet.id]
  if tcb == nil then return tcb end
  self.queue_count = self.queue_count + 1
  packet.link = nil
  packet.id = self.current_id
  return tcb:check_priority_add(self.current_tcb, packet)
end

-- xor with 0xD008 (binary 1101 0000 0000 1000) bit by bit.
local function xor_d008(v)
  local result, bit, mask = 0, 1, 0xD008
  while v > 0 or mask > 0 do
    if (v % 2) ~= (mask % 2) then result = result + bit end
    v, mask, bit = (v - v % 2) / 2, (mask - mask % 2) / 2, bit * 2
  end
  return result
end

function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:hold_current() end
  if self.v1 % 2 == 0 then
    self.v1 = self.v1 / 2
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = xor_d008((self.v1 - 1) / 2)
  return self.scheduler:release(ID_DEVICE_B)
end

function DeviceTask:run(packet)
  if packet ~= nil then
    self.v1 = packet
    return self.scheduler:hold_current()
  end
  if self.v1 == nil then return self.scheduler:suspend_current() end
  local v = self.v1
  self.v1 = nil
  return self.scheduler:queue(v)
end

function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspend_current() end
  if self.v1 == ID_HANDLER_A then self.v1 = ID_HANDLER_B else self.v1 = ID_HANDLER_A end
  packet.id = self.v1
  packet.a1 = 0
  for i = 1, DATA_SIZE do
    self.v2 = self.v2 + 1
    if self.v2 > 26 then self.v2 = 1 end
    packet.a2[i] = self.v2
  end
  return self.scheduler:queue(packet)
end

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then self.v1 = packet:add_to(self.v1)
    else self.v2 = packet:add_to(self.v2) end
  end
  if self.v1 ~= nil then
    local count = self.v1.a1
    if count < DATA_SIZE then
      if self.v2 ~= nil then
        local v = self.v2
        self.v2 = self.v2.link
        v.a1 = self.v1.a2[count + 1]
        self.v1.a1 = count + 1
        return self.scheduler:queue(v)
      end
    else
      local v = self.v1
      self.v1 = self.v1.link
      return self.scheduler:queue(v)
    end
  end
  return self.scheduler:suspend_current()
end

local function packets(count, id, kind)
  local queue = nil
  for _ = 1, count do queue = Packet.new(queue, id, kind) end
  return queue
end

local scheduler = Scheduler.new()
scheduler:add_idle_task(ID_IDLE, 0, nil, tonumber(arg[1]))
scheduler:add_worker_task(ID_WORKER, 1000, packets(2, ID_WORKER, KIND_WORK))
scheduler:add_handler_task(ID_HANDLER_A, 2000, packets(3, ID_DEVICE_A, KIND_DEVICE))
scheduler:add_handler_task(ID_HANDLER_B, 3000, packets(3, ID_DEVICE_B, KIND_DEVICE))
scheduler:add_device_task(ID_DEVICE_A, 4000, nil)
scheduler:add_device_task(ID_DEVICE_B, 5000, nil)
scheduler:schedule()
print(string.format("queue count: %d", scheduler.queue_count))
print(string.format("hold count: %d", scheduler.hold_count))
