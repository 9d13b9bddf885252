package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.MISSING;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tags are bound by key (a bound key takes the new value), unbound by key, and at most 20 stay bound. */
class InstanceTagsTest {
    private final TestWorld world = TestWorld.inMemory();
    private final InstanceTags tags = world.service.useCases().instanceTags();

    private static List<Tag> numbered(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new Tag("k" + i, "v" + i)).toList();
    }

    @Test
    void bindingAKeyAgainReplacesItsValueAndKeepsTheOthers() {
        world.clock.advance(Duration.ofSeconds(30));
        Instance after = tags.bind(ref(STANDARD), List.of(new Tag("team", "assembly"), new Tag("site", null)));
        assertEquals(List.of(new Tag("team", "assembly"), new Tag("site", null)), after.profile().tags().list());
        assertEquals(after, world.instance(STANDARD));
        assertEquals(TestWorld.START.plusSeconds(30), after.updateTime());
    }

    @Test
    void unbindingRemovesByKeyAndIgnoresKeysThatAreNotBound() {
        tags.bind(ref(STANDARD), List.of(new Tag("site", "north")));
        Instance after = tags.unbind(ref(STANDARD), List.of(new Tag("team", null), new Tag("absent", null)));
        assertEquals(List.of(new Tag("site", "north")), after.profile().tags().list());
    }

    @Test
    void refusesTheTwentyFirstTagAndWritesNothing() {
        tags.bind(ref(STANDARD), numbered(0, Tags.MAX_TAGS - 1));
        assertEquals(Tags.MAX_TAGS, world.instance(STANDARD).profile().tags().list().size());
        Object before = world.state();
        Rejected refused = assertThrows(Rejected.class, () -> tags.bind(ref(STANDARD), numbered(100, 1)));
        assertEquals(Reason.TOO_MANY_TAGS, refused.reason());
        assertEquals(before, world.state());
        tags.bind(ref(STANDARD), List.of(new Tag("k0", "new")));
        assertEquals("new", world.instance(STANDARD).profile().tags().list().get(1).value(),
                "rebinding a key adds none");
    }

    @Test
    void refusesAnUnknownInstance() {
        assertEquals(Reason.INSTANCE_NOT_FOUND, assertThrows(Rejected.class,
                () -> tags.bind(ref(MISSING), List.of(new Tag("a", "b")))).reason());
    }
}
