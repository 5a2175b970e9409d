# richards: the peer of bench/programs/richards.ut, a translation of the V8
# benchmark suite's richards.js with one Python class per Utena class.
import sys

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = range(6)
NUMBER_OF_IDS = 6
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4

STATE_RUNNING, STATE_RUNNABLE, STATE_SUSPENDED, STATE_HELD = 0, 1, 2, 4
STATE_SUSPENDED_RUNNABLE = STATE_SUSPENDED | STATE_RUNNABLE
STATE_NOT_HELD = ~STATE_HELD


class Packet:
    def __init__(self, link, id, kind):
        self.link = link
        self.id = id
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * DATA_SIZE

    def add_to(self, queue):
        self.link = None
        if queue is None:
            return self
        next = queue
        while next.link is not None:
            next = next.link
        next.link = self
        return queue


class TaskControlBlock:
    def __init__(self, link, id, priority, queue, task):
        self.link = link
        self.id = id
        self.priority = priority
        self.queue = queue
        self.task = task
        self.state = STATE_SUSPENDED if queue is None else STATE_SUSPENDED_RUNNABLE

    def set_running(self):
        self.state = STATE_RUNNING

    def mark_as_not_held(self):
        self.state = self.state & STATE_NOT_HELD

    def mark_as_held(self):
        self.state = self.state | STATE_HELD

    def mark_as_suspended(self):
        self.state = self.state | STATE_SUSPENDED

    def mark_as_runnable(self):
        self.state = self.state | STATE_RUNNABLE

    def is_held_or_suspended(self):
        return (self.state & STATE_HELD) != 0 or self.state == STATE_SUSPENDED

    def run(self):
        if self.state == STATE_SUSPENDED_RUNNABLE:
            packet = self.queue
            self.queue = packet.link
            self.state = STATE_RUNNING if self.queue is None else STATE_RUNNABLE
        else:
            packet = None
        return self.task.run(packet)

    def check_priority_add(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.mark_as_runnable()
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.add_to(self.queue)
        return task


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.blocks = [None] * NUMBER_OF_IDS
        self.list = None
        self.current_tcb = None
        self.current_id = None

    def add_idle_task(self, id, priority, queue, count):
        self.add_task(id, priority, queue, IdleTask(self, 1, count))
        self.current_tcb.set_running()

    def add_worker_task(self, id, priority, queue):
        self.add_task(id, priority, queue, WorkerTask(self, ID_HANDLER_A, 0))

    def add_handler_task(self, id, priority, queue):
        self.add_task(id, priority, queue, HandlerTask(self))

    def add_device_task(self, id, priority, queue):
        self.add_task(id, priority, queue, DeviceTask(self))

    def add_task(self, id, priority, queue, task):
        self.current_tcb = TaskControlBlock(self.list, id, priority, queue, task)
        self.list = self.current_tcb
        self.blocks[id] = self.current_tcb

    def schedule(self):
        self.current_tcb = self.list
        while self.current_tcb is not None:
            if self.current_tcb.is_held_or_suspended():
                self.current_tcb = self.current_tcb.link
            else:
                self.current_id = self.current_tcb.id
                self.current_tcb = self.current_tcb.run()

    def release(self, id):
        tcb = self.blocks[id]
        if tcb is None:
            return tcb
        tcb.mark_as_not_held()
        if tcb.priority > self.current_tcb.priority:
            return tcb
        return self.current_tcb

    def hold_current(self):
        self.hold_count += 1
        self.current_tcb.mark_as_held()
        return self.current_tcb.link

    def suspend_current(self):
        self.current_tcb.mark_as_suspended()
        return self.current_tcb

    def queue(self, packet):
        tcb = self.blocks[packet.id]
        if tcb is None:
            return tcb
        self.queue_count += 1
        packet.link = None
        packet.id = self.current_id
        return tcb.check_priority_add(self.current_tcb, packet)


class IdleTask:
    def __init__(self, scheduler, v1, count):
        self.scheduler = scheduler
        self.v1 = v1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if (self.v1 & 1) == 0:
            self.v1 = self.v1 >> 1
            return self.scheduler.release(ID_DEVICE_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return self.scheduler.release(ID_DEVICE_B)


class DeviceTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.v1 = None

    def run(self, packet):
        if packet is not None:
            self.v1 = packet
            return self.scheduler.hold_current()
        if self.v1 is None:
            return self.scheduler.suspend_current()
        v = self.v1
        self.v1 = None
        return self.scheduler.queue(v)


class WorkerTask:
    def __init__(self, scheduler, v1, v2):
        self.scheduler = scheduler
        self.v1 = v1
        self.v2 = v2

    def run(self, packet):
        if packet is None:
            return self.scheduler.suspend_current()
        self.v1 = ID_HANDLER_B if self.v1 == ID_HANDLER_A else ID_HANDLER_A
        packet.id = self.v1
        packet.a1 = 0
        for i in range(DATA_SIZE):
            self.v2 += 1
            if self.v2 > 26:
                self.v2 = 1
            packet.a2[i] = self.v2
        return self.scheduler.queue(packet)


class HandlerTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.v1 = None
        self.v2 = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.v1 = packet.add_to(self.v1)
            else:
                self.v2 = packet.add_to(self.v2)
        if self.v1 is not None:
            count = self.v1.a1
            if count < DATA_SIZE:
                if self.v2 is not None:
                    v = self.v2
                    self.v2 = self.v2.link
                    v.a1 = self.v1.a2[count]
                    self.v1.a1 = count + 1
                    return self.scheduler.queue(v)
            else:
                v = self.v1
                self.v1 = self.v1.link
                return self.scheduler.queue(v)
        return self.scheduler.suspend_current()


def packets(count, id, kind):
    queue = None
    for _ in range(count):
        queue = Packet(queue, id, kind)
    return queue


def run_richards(count):
    scheduler = Scheduler()
    scheduler.add_idle_task(ID_IDLE, 0, None, count)
    scheduler.add_worker_task(ID_WORKER, 1000, packets(2, ID_WORKER, KIND_WORK))
    scheduler.add_handler_task(ID_HANDLER_A, 2000, packets(3, ID_DEVICE_A, KIND_DEVICE))
    scheduler.add_handler_task(ID_HANDLER_B, 3000, packets(3, ID_DEVICE_B, KIND_DEVICE))
    scheduler.add_device_task(ID_DEVICE_A, 4000, None)
    scheduler.add_device_task(ID_DEVICE_B, 5000, None)
    scheduler.schedule()
    print(f"queue count: {scheduler.queue_count}")
    print(f"hold count: {scheduler.hold_count}")


run_richards(int(sys.argv[1]))
