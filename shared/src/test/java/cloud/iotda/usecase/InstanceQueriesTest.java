package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.OTHER_PROJECT;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ListInstances: the caller's project only, newest first, filtered by name and edition, paged by marker. */
class InstanceQueriesTest {
    private final TestWorld world = TestWorld.inMemory();
    private final InstanceQueries queries = world.service.useCases().instanceQueries();

    private static InstanceQueries.ListQuery query(Optional<String> name, Optional<Edition> edition,
                                                   Optional<String> marker, int offset, int limit) {
        return new InstanceQueries.ListQuery(name, edition, marker, offset, limit);
    }

    private static List<String> ids(InstanceQueries.InstanceList list) {
        return list.instances().stream().map(instance -> instance.ref().instanceId()).toList();
    }

    private void addInstance(String id, String name, Duration after) {
        world.clock.advance(after);
        world.instances.create(Instance.create(new InstanceRef(PROJECT, id), Edition.STANDARD, TestWorld.S1_X2)
                .name(name).postPaid().at(world.clock.instant()));
    }

    private int seededCount() {
        return queries.list(PROJECT, query(Optional.empty(), Optional.empty(), Optional.empty(), 0, 500)).count();
    }

    @Test
    void listsOnlyTheCallersProjectNewestFirst() {
        int seeded = seededCount();
        addInstance("newest", "Plant-North", Duration.ofMinutes(5));
        InstanceQueries.InstanceList all = queries.list(PROJECT, query(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 500));
        assertEquals(seeded + 1, all.count());
        assertEquals("newest", ids(all).get(0));
        assertEquals(List.of(), ids(queries.list(OTHER_PROJECT, query(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 10))));
    }

    @Test
    void filtersByNameIgnoringCaseAndByEdition() {
        addInstance("north", "Plant-North", Duration.ofMinutes(1));
        assertEquals(List.of("north"), ids(queries.list(PROJECT, query(Optional.of("plant-n"), Optional.empty(),
                Optional.empty(), 0, 10))));
        assertEquals(List.of(TestWorld.ENTERPRISE, TestWorld.ENTERPRISE_RESIZE).stream().sorted().toList(),
                ids(queries.list(PROJECT, query(Optional.empty(), Optional.of(Edition.ENTERPRISE), Optional.empty(),
                        0, 10))).stream().sorted().toList());
    }

    @Test
    void pagesByMarkerWithoutLosingOrRepeatingAnInstance() {
        int seeded = queries.list(PROJECT, query(Optional.empty(), Optional.empty(), Optional.empty(), 0, 500))
                .count();
        for (int i = 0; i < 7; i++) {
            addInstance("added-" + i, "added-" + i, Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        InstanceQueries.InstanceList page;
        do {
            page = queries.list(PROJECT, query(Optional.empty(), Optional.empty(), marker, 0, 3));
            assertEquals(seeded + 7, page.count(), "count is every match, not the page");
            seen.addAll(ids(page));
            marker = page.marker();
        } while (page.instances().size() == 3);
        assertEquals(ids(queries.list(PROJECT, query(Optional.empty(), Optional.empty(), Optional.empty(), 0, 500))),
                seen);
        assertEquals(seeded + 7, seen.stream().distinct().count());
    }

    @Test
    void offsetSkipsRecordsAfterTheMarker() {
        List<String> all = ids(queries.list(PROJECT, query(Optional.empty(), Optional.empty(), Optional.empty(), 0,
                500)));
        assertEquals(all.subList(2, 4), ids(queries.list(PROJECT, query(Optional.empty(), Optional.empty(),
                Optional.empty(), 2, 2))));
    }

    @Test
    void aMarkerOfADeletedInstanceStillPages() {
        int seeded = seededCount();
        addInstance("older", "older", Duration.ofSeconds(1));
        addInstance("newer", "newer", Duration.ofSeconds(1));
        InstanceQueries.InstanceList first = queries.list(PROJECT, query(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 2));
        Instance last = world.instance(ids(first).get(1));
        world.instances.update(last.delete(world.clock.instant()));
        InstanceQueries.InstanceList next = queries.list(PROJECT, query(Optional.empty(), Optional.empty(),
                first.marker(), 0, 500));
        assertEquals(seeded, next.instances().size(), "the seeded instances follow");
        assertTrue(next.instances().stream().noneMatch(instance -> ids(first).contains(instance.ref().instanceId())));
    }

    @Test
    void refusesALimitOrOffsetOutsideTheDocumentedRange() {
        assertThrows(IllegalArgumentException.class, () -> query(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 501));
        assertThrows(IllegalArgumentException.class, () -> query(Optional.empty(), Optional.empty(),
                Optional.empty(), 501, 10));
        assertThrows(IllegalArgumentException.class, () -> query(Optional.empty(), Optional.empty(),
                Optional.of("CS2601151000ABCDE"), 0, 10));
    }
}
