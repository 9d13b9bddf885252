package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.MISSING;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Tasks;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Name, description and change window; a scheduled order moves with its window in the same write. */
class UpdateInstanceTest {
    private static final OperateWindow NOON = new OperateWindow(LocalTime.of(12, 0), LocalTime.of(13, 0));
    private final TestWorld world = TestWorld.inMemory();
    private final UpdateInstance update = world.service.useCases().updateInstance();

    private static ProfileChange window(OperateWindow window) {
        return new ProfileChange(Optional.empty(), Optional.empty(), Optional.of(window));
    }

    private OrderId delayedResize() {
        return world.service.useCases().placeOrder().place(ref(STANDARD),
                new Change.Resize(new Flavor("iotda.standard.s1", 8), true, false));
    }

    @Test
    void changesWhatIsGivenAndKeepsTheRest() {
        Instance before = world.instance(STANDARD);
        Instance after = update.update(ref(STANDARD), new ProfileChange(Optional.of("plant-7"), Optional.empty(),
                Optional.empty()));
        assertEquals("plant-7", after.profile().name());
        assertEquals(before.profile().description(), after.profile().description());
        assertEquals(before.profile().operateWindow(), after.profile().operateWindow());
        assertEquals(before.version() + 1, after.version());
        assertEquals(TestWorld.START, after.updateTime());
        assertEquals(after, world.instance(STANDARD));
    }

    @Test
    void aScheduledOrderFollowsTheNewWindow() {
        OrderId orderId = delayedResize();
        assertEquals(Instant.parse("2026-01-16T02:00:00Z"), world.orders.find(ref(STANDARD), orderId)
                .orElseThrow().executeAfter());

        update.update(ref(STANDARD), window(NOON));

        Order moved = world.orders.find(ref(STANDARD), orderId).orElseThrow();
        assertEquals(Instant.parse("2026-01-15T12:00:00Z"), moved.executeAfter());
        assertEquals(NOON, world.instance(STANDARD).profile().operateWindow());
    }

    @Test
    void aNameChangeLeavesTheScheduledOrderAsItIs() {
        OrderId orderId = delayedResize();
        Order before = world.orders.find(ref(STANDARD), orderId).orElseThrow();
        update.update(ref(STANDARD), new ProfileChange(Optional.of("renamed"), Optional.empty(), Optional.empty()));
        assertEquals(before, world.orders.find(ref(STANDARD), orderId).orElseThrow());
    }

    @Test
    void aMissingInstanceIsNotFoundAndNothingIsWritten() {
        Object before = world.state();
        Rejected rejected = assertThrows(Rejected.class, () -> update.update(ref(MISSING), window(NOON)));
        assertEquals(Reason.INSTANCE_NOT_FOUND, rejected.reason());
        assertEquals(before, world.state());
    }

    @Test
    void aLostRaceIsReadAndDecidedAgain() {
        AtomicInteger writes = new AtomicInteger();
        Tasks losingOnce = new Tasks() {
            @Override
            public Optional<Task> find(InstanceRef instance, TaskId taskId) {
                return world.tasks.find(instance, taskId);
            }

            @Override
            public List<Task> newest(InstanceRef instance, int limit) {
                return world.tasks.newest(instance, limit);
            }

            @Override
            public void record(Instance changed, List<Task> made) {
                if (writes.incrementAndGet() == 1) {
                    // Someone renamed it between our read and our write.
                    Instance current = world.instances.find(changed.ref()).orElseThrow();
                    world.instances.update(current.withProfile(new ProfileChange(Optional.of("theirs"),
                            Optional.empty(), Optional.empty()), current.updateTime()));
                    throw new Conflict("lost");
                }
                world.tasks.record(changed, made);
            }
        };
        new UpdateInstance(world.instances, world.orders, losingOnce, new IdSource(), world.clock,
                RetryPolicy.standard()).update(ref(STANDARD), window(NOON));

        Instance after = world.instance(STANDARD);
        assertEquals("theirs", after.profile().name(), "their change is kept");
        assertEquals(NOON, after.profile().operateWindow(), "ours is applied on top");
        assertEquals(2, after.version());
    }
}
