package cloud.iotda.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordHash;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Billing;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.FlavorSales;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.ProcessorPasses;
import cloud.iotda.usecase.port.Tasks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the ports must do, run against each: the DynamoDB adapter on DynamoDB Local, and the
 * in-memory one the fast tests use, so that the two cannot drift apart unseen.
 */
public abstract class StoreContract {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final InstanceRef REF = new InstanceRef("p1", "ab");

    /** The ports of one store, and a handle on it for {@link #contentOf}. */
    public record Store(Instances instances, Orders orders, Credentials credentials, FlavorSales sales,
                        Tasks tasks, ProcessorPasses passes, Object content) {
    }

    protected abstract Store newStore();

    /** Everything stored, as a value; equal before and after means nothing was written. */
    protected abstract Object contentOf(Store store);

    private final Store store = newStore();

    private static Instance instance(InstanceRef ref) {
        return Instance.create(ref, Edition.STANDARD, new Flavor("iotda.standard.s1", 2))
                .description("line 7")
                .operateWindow(new OperateWindow(LocalTime.of(23, 0), LocalTime.of(1, 0)))
                .prePaid(Subscription.expiringAt(PeriodType.YEAR, 2, true, T0.plus(Duration.ofDays(700))))
                .at(T0);
    }

    /** An enterprise instance with every optional field set, down to an allow list entry. */
    private static Instance enterprise(InstanceRef ref) {
        Network.Whitelist whitelist = new Network.Whitelist(true,
                List.of(new Network.AllowedAddress("192.0.2.0/24", "plant"), new Network.AllowedAddress("192.0.2.7",
                        null)));
        Network network = new Network("vpc-1", "subnet-1", "sg-1", "SM", true,
                List.of(new Network.Access(Network.AccessType.APP_HTTPS, "app.example.com", whitelist),
                        new Network.Access(Network.AccessType.DEVICE_MQTT, null, null)));
        return Instance.create(ref, Edition.ENTERPRISE, new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null))
                .name("plant-a")
                .regionId("eu-west-1")
                .enterpriseProjectId("8f2e0c54-0000-4000-8000-000000000001")
                .tags(new Tags(List.of(new Tag("team", "plant"), new Tag("empty", null))))
                .network(network)
                .prePaid(Subscription.startingAt(T0.minus(Duration.ofDays(40)), PeriodType.MONTH, 3, false)
                        .renewedBy(PeriodType.YEAR, 1))
                .at(T0);
    }

    private static Order order(Instance instance, String id, Change change, OrderStatus status, Instant at) {
        return new Order(new OrderId(id), instance.ref(), change, status, change.fingerprint(), at, at,
                status == OrderStatus.SCHEDULED ? at.plus(Duration.ofHours(1)) : null, null);
    }

    private static Change resize(int size) {
        return new Change.Resize(new Flavor("iotda.standard.s1", size), true, false);
    }

    private Instance held(Instance base, Order order) {
        return base.withOrderState(base.flavor(), base.billing(), InstanceStatus.ACTIVE,
                new OrderState(order.status().unfinished() ? order.orderId() : null,
                        new OrderState.LastOrder(order.orderId(), order.fingerprint(), order.createTime())),
                order.createTime());
    }

    @Test
    void storesAndFindsAnInstanceWithEveryField() {
        Instance instance = instance(REF);
        store.instances().create(instance);
        assertEquals(Optional.of(instance), store.instances().find(REF));
        assertEquals(Optional.empty(), store.instances().find(new InstanceRef("p2", "ab")), "projects are apart");
        Instance enterprise = enterprise(new InstanceRef("p1", "ef"));
        store.instances().create(enterprise);
        assertEquals(Optional.of(enterprise), store.instances().find(enterprise.ref()));
    }

    @Test
    void listsAProjectsInstancesWithoutTheDeletedOnes() {
        store.instances().create(instance(REF));
        store.instances().create(enterprise(new InstanceRef("p1", "ef")));
        store.instances().create(instance(new InstanceRef("p2", "cd")));
        Instance gone = Instance.create(new InstanceRef("p1", "gh"), Edition.STANDARD,
                new Flavor("iotda.standard.s1", 2)).postPaid().at(T0);
        store.instances().create(gone);
        store.instances().update(gone.delete(T0.plusSeconds(5)));

        assertEquals(List.of("ab", "ef"), store.instances().listed("p1", Optional.empty(), 10).items().stream()
                .map(instance -> instance.ref().instanceId()).sorted().toList());
        assertEquals(List.of("cd"), store.instances().listed("p2", Optional.empty(), 10).items().stream()
                .map(instance -> instance.ref().instanceId()).toList());
        assertEquals(List.of(), store.instances().listed("p3", Optional.empty(), 10).items());
        assertEquals(Optional.of(new InstanceCount(1, 1)), store.instances().counted("p1"));
        assertEquals(Optional.of(new InstanceCount(1, 0)), store.instances().counted("p2"));
        assertEquals(Optional.empty(), store.instances().counted("p3"));
        assertEquals(3, store.instances().all().size(), "all() leaves out the deleted one too");
        Instance deleted = store.instances().find(new InstanceRef("p1", "gh")).orElseThrow();
        assertTrue(deleted.isDeleted(), "a deleted instance is still found, as deleted");
        assertEquals(T0.plusSeconds(5), deleted.deleteTime());
    }

    @Test
    void listsAProjectsInstancesNewestFirstInPagesFromAMarker() {
        List<Instance> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instance instance = Instance.create(new InstanceRef("p1", "a" + i), Edition.STANDARD,
                    new Flavor("iotda.standard.s1", 2)).postPaid().at(T0.plusSeconds(i));
            store.instances().create(instance);
            made.add(0, instance);
        }
        Page<Instance> first = store.instances().listed("p1", Optional.empty(), 3);
        assertEquals(made.subList(0, 3), first.items());
        assertEquals(made.get(2).recordId(), first.next());
        Page<Instance> second = store.instances().listed("p1", Optional.of(first.next()), 3);
        assertEquals(made.subList(3, 6), second.items());
        Page<Instance> last = store.instances().listed("p1", Optional.of(second.next()), 3);
        assertEquals(made.subList(6, 7), last.items());
        assertEquals(null, last.next(), "nothing follows");
        // A marker whose record was deleted still places the page.
        store.instances().update(made.get(3).delete(T0.plusSeconds(60)));
        assertEquals(made.subList(4, 7), store.instances().listed("p1", Optional.of(made.get(3).recordId()), 5)
                .items());
        assertEquals(Optional.of(new InstanceCount(6, 0)), store.instances().counted("p1"));
    }

    @Test
    void theCountFollowsEveryWriteThatCreatesOrDeletesAnInstance() {
        Instance base = instance(REF);
        store.tasks().record(base, List.of());
        assertEquals(Optional.of(new InstanceCount(1, 0)), store.instances().counted("p1"));
        Instance bought = enterprise(new InstanceRef("p1", "ef"));
        Order buying = order(bought, "CS2601151000BBBBB", new Change.Create(ChargeInfo.prePaid(PeriodType.MONTH, 1,
                false, false)), OrderStatus.PENDING_PAYMENT, T0);
        store.orders().place(buying, bought, null);
        assertEquals(Optional.of(new InstanceCount(1, 1)), store.instances().counted("p1"));
        Object before = contentOf(store);
        assertThrows(Conflict.class, () -> store.tasks().record(base, List.of()), "made once only");
        assertEquals(before, contentOf(store), "nor counted twice");

        store.tasks().record(base.expired(T0.plusSeconds(1)), List.of());
        assertEquals(Optional.of(new InstanceCount(0, 1)), store.instances().counted("p1"));
        store.orders().apply(new Order.Transition(buying.withStatus(OrderStatus.CANCELLED, T0), buying.status(),
                bought.expired(T0.plusSeconds(3))), List.of());
        assertEquals(Optional.of(new InstanceCount(0, 0)), store.instances().counted("p1"));
    }

    @Test
    void createsAnInstanceOnlyOnce() {
        store.instances().create(instance(REF));
        Object before = contentOf(store);
        Instance again = instance(REF).withStatus(InstanceStatus.FROZEN, T0);
        assertThrows(Conflict.class, () -> store.instances().create(again));
        assertEquals(before, contentOf(store));
    }

    @Test
    void updatesAnInstanceOnlyFromTheVersionBefore() {
        Instance created = instance(REF);
        store.instances().create(created);
        Instance frozen = created.withStatus(InstanceStatus.FROZEN, T0.plusSeconds(1));
        store.instances().update(frozen);
        assertEquals(Optional.of(frozen), store.instances().find(REF));
        Object before = contentOf(store);
        assertThrows(Conflict.class, () -> store.instances().update(created.withStatus(InstanceStatus.MODIFYING, T0)));
        assertThrows(Conflict.class, () -> store.instances().update(instance(new InstanceRef("p1", "cd"))
                .withStatus(InstanceStatus.FROZEN, T0)), "an instance that does not exist");
        assertEquals(before, contentOf(store));
    }

    @Test
    void listsEveryInstanceAndNothingElse() {
        store.instances().create(instance(REF));
        store.instances().create(instance(new InstanceRef("p2", "cd")));
        store.credentials().saveToken(new StoredToken(Sha256.of("t"), "p1", T0));
        Order order = order(instance(REF), "CS260115100000AAAAA", resize(3), OrderStatus.COMPLETED, T0);
        store.orders().place(order, held(instance(REF), order), null);
        assertEquals(2, store.instances().all().size());
    }

    @Test
    void placesAnOrderTogetherWithItsInstance() {
        Instance base = instance(REF);
        store.instances().create(base);
        Order order = order(base, "CS260115100000AAAAA", resize(3), OrderStatus.SCHEDULED, T0);
        store.orders().place(order, held(base, order), null);

        assertEquals(Optional.of(order), store.orders().find(REF, order.orderId()));
        assertEquals(Optional.of(order), store.orders().findById(order.orderId()));
        assertEquals(order.orderId(), store.instances().find(REF).orElseThrow().orderId());
        assertEquals(Optional.empty(), store.orders().find(new InstanceRef("p1", "cd"), order.orderId()));
    }

    @Test
    void placesNothingWhenTheOrderIdIsTakenOrTheInstanceMoved() {
        Instance base = instance(REF);
        store.instances().create(base);
        Order first = order(base, "CS260115100000AAAAA", resize(3), OrderStatus.COMPLETED, T0);
        Instance afterFirst = held(base, first);
        store.orders().place(first, afterFirst, null);
        Object before = contentOf(store);

        Order sameId = order(afterFirst, "CS260115100000AAAAA", resize(4), OrderStatus.COMPLETED, T0);
        assertThrows(Conflict.class, () -> store.orders().place(sameId, held(afterFirst, sameId), null));
        Order stale = order(base, "CS260115100000BBBBB", resize(5), OrderStatus.COMPLETED, T0);
        assertThrows(Conflict.class, () -> store.orders().place(stale, held(base, stale), null));
        assertEquals(before, contentOf(store));
    }

    @Test
    void anOrderIdIsUniqueAcrossTheStoreNotOnlyPerInstance() {
        Instance mine = instance(REF);
        Instance theirs = instance(new InstanceRef("p2", "cd"));
        store.instances().create(mine);
        store.instances().create(theirs);
        Order first = order(mine, "CS2601151000AAAAA", resize(3), OrderStatus.PENDING_PAYMENT, T0);
        store.orders().place(first, held(mine, first), null);
        Object before = contentOf(store);

        Order sameIdElsewhere = order(theirs, "CS2601151000AAAAA", resize(4), OrderStatus.PENDING_PAYMENT, T0);
        assertThrows(Conflict.class, () -> store.orders().place(sameIdElsewhere, held(theirs, sameIdElsewhere),
                null));

        assertEquals(before, contentOf(store), "nothing of the second order is written");
        assertEquals(Optional.of(first), store.orders().findById(first.orderId()), "the id still finds the first");
    }

    @Test
    void appliesATransitionOnlyFromTheStatusItExpects() {
        Instance base = instance(REF);
        store.instances().create(base);
        Order scheduled = order(base, "CS260115100000AAAAA", resize(3), OrderStatus.SCHEDULED, T0);
        Instance holding = held(base, scheduled);
        store.orders().place(scheduled, holding, null);

        Order.Transition deferred = new Order.Transition(
                scheduled.withExecuteAfter(T0.plus(Duration.ofDays(1)), T0), OrderStatus.SCHEDULED, null);
        store.orders().apply(deferred, List.of());
        assertEquals(Optional.of(deferred.order()), store.orders().find(REF, scheduled.orderId()));

        Order.Transition done = new Order.Transition(deferred.order().withStatus(OrderStatus.COMPLETED, T0),
                OrderStatus.SCHEDULED, holding.releasedAs(InstanceStatus.ACTIVE, T0));
        store.orders().apply(done, List.of());
        Object before = contentOf(store);
        assertThrows(Conflict.class, () -> store.orders().apply(done, List.of()), "no longer SCHEDULED");
        Order.Transition staleInstance = new Order.Transition(done.order().withStatus(OrderStatus.CANCELLED, T0),
                OrderStatus.COMPLETED, holding.releasedAs(InstanceStatus.ACTIVE, T0));
        assertThrows(Conflict.class, () -> store.orders().apply(staleInstance, List.of()), "the instance moved on");
        assertEquals(before, contentOf(store));
    }

    @Test
    void listsAnInstancesOrdersNewestFirstInPages() {
        Instance current = instance(REF);
        store.instances().create(current);
        List<OrderId> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Order order = order(current, String.format("CS2601151000%02dAAAAA", i), resize(3 + i),
                    OrderStatus.COMPLETED, T0.plusSeconds(i));
            Instance next = held(current, order);
            store.orders().place(order, next, null);
            current = next;
            placed.add(0, order.orderId());
        }
        Page<Order> first = store.orders().list(REF, 2, null);
        assertEquals(placed.subList(0, 2), first.items().stream().map(Order::orderId).toList());
        Page<Order> second = store.orders().list(REF, 2, new OrderId(first.next()));
        assertEquals(placed.subList(2, 4), second.items().stream().map(Order::orderId).toList());
        Page<Order> last = store.orders().list(REF, 2, new OrderId(second.next()));
        assertEquals(placed.subList(4, 5), last.items().stream().map(Order::orderId).toList());
        assertNull(last.next());
        assertEquals(List.of(), store.orders().list(REF, 2, new OrderId("CS260101000000ZZZZZ")).items());
    }

    @Test
    void findsDueOrdersOfOneStatusEarliestFirstInPages() {
        List<OrderId> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instance base = instance(new InstanceRef("p1", "a" + i));
            store.instances().create(base);
            OrderStatus status = i == 4 ? OrderStatus.PENDING_PAYMENT : OrderStatus.SCHEDULED;
            Order order = order(base, String.format("CS2601151000%02dAAAAA", i), resize(3), status,
                    T0.plus(Duration.ofMinutes(10L * (4 - i))));
            store.orders().place(order, held(base, order), null);
            if (status == OrderStatus.SCHEDULED && i > 0) {
                due.add(0, order.orderId());
            }
        }
        // Scheduled orders run an hour after they were placed: at T0 + 1h39m, all but the latest placed are due.
        Instant now = T0.plus(Duration.ofMinutes(99));
        List<OrderId> found = new ArrayList<>();
        String cursor = null;
        do {
            Page<Order> page = store.orders().due(OrderStatus.SCHEDULED, now, 2, cursor);
            page.items().forEach(order -> found.add(order.orderId()));
            cursor = page.next();
        } while (cursor != null);
        assertEquals(due, found);
        assertEquals(List.of(), store.orders().due(OrderStatus.PENDING_PAYMENT, now, 10, null).items(),
                "unpaid orders are due when the time to pay them ends");
        assertEquals(1, store.orders().due(OrderStatus.PENDING_PAYMENT, T0.plus(Order.PAYMENT_DEADLINE), 10, null)
                .items().size());
    }

    @Test
    void aDuePagesCursorIsAPlaceNotAnOffsetSoFinishingAPageSkipsNothing() {
        List<OrderId> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instance base = instance(new InstanceRef("p1", "b" + i));
            store.instances().create(base);
            Order order = order(base, String.format("CS2601151000%02dBBBBB", i), resize(3), OrderStatus.SCHEDULED,
                    T0.plus(Duration.ofMinutes(i)));
            store.orders().place(order, held(base, order), null);
            placed.add(order.orderId());
        }
        // As the processor works: each page's orders finish (and leave the index) before the next page is read.
        Instant now = T0.plus(Duration.ofHours(2));
        List<OrderId> found = new ArrayList<>();
        String cursor = null;
        do {
            Page<Order> page = store.orders().due(OrderStatus.SCHEDULED, now, 2, cursor);
            for (Order due : page.items()) {
                found.add(due.orderId());
                Instance holding = store.instances().find(due.instance()).orElseThrow();
                store.orders().apply(new Order.Transition(due.withStatus(OrderStatus.COMPLETED, now),
                        OrderStatus.SCHEDULED, holding.releasedAs(InstanceStatus.ACTIVE, now),
                        Order.TaskOutcome.NONE), List.of());
            }
            cursor = page.next();
        } while (cursor != null);
        assertEquals(placed, found);
    }

    @Test
    void keepsTokensByTheirHashAndAccessKeysById() {
        StoredToken token = new StoredToken(Sha256.of("secret-token"), "p1", T0);
        store.credentials().saveToken(token);
        StoredToken found = store.credentials().findToken(Sha256.of("secret-token")).orElseThrow();
        assertTrue(Arrays.equals(token.tokenSha256(), found.tokenSha256()));
        assertEquals("p1", found.projectId());
        assertEquals(T0, found.expiresAt());
        assertTrue(store.credentials().deleteToken(Sha256.of("secret-token")));
        assertFalse(store.credentials().deleteToken(Sha256.of("secret-token")));
        assertEquals(Optional.empty(), store.credentials().findToken(Sha256.of("secret-token")));

        AccessKey key = new AccessKey("AK1", "sk1", "p1", T0);
        store.credentials().saveAccessKey(key);
        assertEquals(Optional.of(key), store.credentials().findAccessKey("AK1"));
        assertTrue(store.credentials().deleteAccessKey("AK1"));
        assertFalse(store.credentials().deleteAccessKey("AK1"));
    }

    @Test
    void keepsAChargeModeChangeAsItWasPlaced() {
        Instance base = Instance.create(REF, Edition.ENTERPRISE,
                new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null)).at(T0);
        store.instances().create(base);
        Change change = new Change.ChargeModeChange(PeriodType.MONTH, 7, true, true);
        Order order = order(base, "CS260115100000AAAAA", change, OrderStatus.PENDING_PAYMENT, T0);
        store.orders().place(order, held(base, order), null);
        assertEquals(change, store.orders().find(REF, order.orderId()).orElseThrow().change());
        assertEquals(ChargeMode.POST_PAID, store.instances().find(REF).orElseThrow().chargeMode());
    }

    @Test
    void saleStatusesAreKeptPerFlavorAndNormalLiftsASellout() {
        assertEquals(Set.of(), store.sales().soldOut(true), "every flavor is on sale until set otherwise");
        store.sales().setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        store.sales().setSaleStatus("iotda.standard.s3", SaleStatus.SELLOUT);
        store.sales().setSaleStatus("iotda.standard.s3", SaleStatus.SELLOUT);
        assertEquals(Set.of("iotda.standard.s2", "iotda.standard.s3"), store.sales().soldOut(true));
        store.sales().setSaleStatus("iotda.standard.s2", SaleStatus.NORMAL);
        assertEquals(Set.of("iotda.standard.s3"), store.sales().soldOut(true));
        assertEquals(Set.of("iotda.standard.s3"), store.sales().soldOut(false), "a moment later, listed too");
    }

    private static Task doneTask(Instance instance, long place, TaskType type) {
        return Task.done(TaskId.of(place, UUID.nameUUIDFromBytes(("t" + place).getBytes(StandardCharsets.UTF_8))),
                instance.ref(), type, new TargetConfig(new Flavor("iotda.standard.s2", 4), ChargeMode.PRE_PAID), null,
                T0);
    }

    @Test
    void aTaskIsWrittenWithItsInstanceOrNotAtAll() {
        Instance created = instance(REF).withTasks(1);
        Task create = doneTask(created, 1, TaskType.CREATE);
        store.tasks().record(created, List.of(create));
        assertEquals(Optional.of(create), store.tasks().find(REF, create.taskId()));
        assertEquals(Optional.of(created), store.instances().find(REF));

        Object before = contentOf(store);
        Task again = doneTask(created, 2, TaskType.CREATE);
        assertThrows(Conflict.class, () -> store.tasks().record(created, List.of(again)), "the instance exists");
        Instance stale = created.withProfile(new ProfileChange(Optional.of("x"), Optional.empty(), Optional.empty()),
                T0).withProfile(new ProfileChange(Optional.of("y"), Optional.empty(), Optional.empty()), T0);
        assertThrows(Conflict.class, () -> store.tasks().record(stale.withTasks(1),
                List.of(doneTask(stale, 2, TaskType.OPEN_SNAT))), "two versions ahead");
        assertEquals(before, contentOf(store), "a refused write writes no task either");

        Instance renamed = created.withProfile(new ProfileChange(Optional.of("x"), Optional.empty(), Optional.empty()),
                T0).withTasks(2);
        Task access = doneTask(created, 2, TaskType.UPDATE_ACCESS_CONFIG);
        Task snat = doneTask(created, 3, TaskType.OPEN_SNAT);
        store.tasks().record(renamed, List.of(access, snat));
        assertEquals(List.of(snat, access, create), store.tasks().newest(REF, 10), "newest first");
        assertEquals(List.of(snat, access), store.tasks().newest(REF, 2));
        assertEquals(3, store.instances().find(REF).orElseThrow().taskCount());
    }

    @Test
    void aTaskIsFoundByItsFullIdOnly() {
        Instance created = instance(REF).withTasks(1);
        Task create = doneTask(created, 1, TaskType.CREATE);
        store.tasks().record(created, List.of(create));
        TaskId samePlaceOtherId = TaskId.of(1, UUID.nameUUIDFromBytes(new byte[] {1}));
        assertEquals(Optional.empty(), store.tasks().find(REF, samePlaceOtherId));
        assertEquals(Optional.empty(), store.tasks().find(REF, new TaskId("abc-def")), "not an id of ours");
        assertEquals(Optional.empty(), store.tasks().find(new InstanceRef("p1", "cd"), create.taskId()));
    }

    @Test
    void findsDueSubscriptionsEarliestFirstInPagesUntilTheyAreNoLongerDue() {
        Instance renewing = Instance.create(new InstanceRef("p1", "a0"), Edition.STANDARD,
                new Flavor("iotda.standard.s1", 2))
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, true, T0.plus(Duration.ofDays(1)))).at(T0);
        Instance lapsing = Instance.create(new InstanceRef("p2", "a1"), Edition.STANDARD,
                new Flavor("iotda.standard.s1", 2))
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false, T0)).at(T0);
        Instance later = Instance.create(new InstanceRef("p1", "a2"), Edition.STANDARD,
                new Flavor("iotda.standard.s1", 2))
                .prePaid(Subscription.expiringAt(PeriodType.YEAR, 1, true, T0.plus(Duration.ofDays(300)))).at(T0);
        store.instances().create(renewing);
        store.instances().create(lapsing);
        store.instances().create(later);
        store.instances().create(instance(new InstanceRef("p1", "a3")).withOrderState(new Flavor("iotda.standard.s1",
                2), Billing.POST_PAID, InstanceStatus.ACTIVE, OrderState.NONE, T0));
        // Renewed at expiry (a day in), frozen at the end of grace (15 days after expiry).
        Instant now = T0.plus(Duration.ofDays(20));
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            Page<Instance> page = store.instances().subscriptionsDue(now, 1, cursor);
            page.items().forEach(instance -> found.add(instance.ref().instanceId()));
            cursor = page.next();
        } while (cursor != null);
        assertEquals(List.of("a0", "a1"), found);
        assertEquals(List.of("a0"), store.instances().subscriptionsDue(T0.plus(Duration.ofDays(14)), 10, null)
                .items().stream().map(instance -> instance.ref().instanceId()).toList());

        store.instances().update(renewing.renewed(renewing.subscription().renewedBy(PeriodType.YEAR, 1), now));
        Instance frozen = lapsing.frozen(now);
        store.instances().update(frozen);
        assertEquals(List.of(), store.instances().subscriptionsDue(now, 10, null).items(),
                "renewed past now, and frozen until the end of retention");
        Instance due = store.instances().subscriptionsDue(T0.plus(Duration.ofDays(30)), 10, null).items().get(0);
        assertEquals(frozen, due);
        store.instances().update(frozen.expired(T0.plus(Duration.ofDays(30))));
        assertEquals(List.of(), store.instances().subscriptionsDue(T0.plus(Duration.ofDays(400)), 10, null).items()
                .stream().filter(instance -> instance.ref().instanceId().equals("a1")).toList(),
                "a deleted instance is never due");
    }

    @Test
    void keepsARenewalAsItWasPlaced() {
        Instance base = instance(REF);
        store.instances().create(base);
        for (boolean automatic : new boolean[] {true, false}) {
            Change renew = new Change.Renew(PeriodType.MONTH, 9, automatic);
            Order order = new Order(new OrderId(automatic ? "CS2601151000RENEA" : "CS2601151000RENEB"), REF, renew,
                    OrderStatus.COMPLETED, renew.fingerprint(), T0, T0, null, null);
            Instance current = store.instances().find(REF).orElseThrow();
            store.orders().place(order, current.renewed(current.subscription().renewedBy(PeriodType.MONTH, 9), T0),
                    null);
            assertEquals(Optional.of(order), store.orders().find(REF, order.orderId()));
        }
    }

    @Test
    void keepsTheLatestPassOnly() {
        assertEquals(Optional.empty(), store.passes().latest());
        store.passes().record(T0.plus(Duration.ofMinutes(5)));
        store.passes().record(T0);
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(5))), store.passes().latest());
        store.passes().record(T0.plus(Duration.ofNanos(300_000_123)).plus(Duration.ofMinutes(5)));
        assertEquals(Optional.of(T0.plus(Duration.ofNanos(300_000_123)).plus(Duration.ofMinutes(5))),
                store.passes().latest());
    }

    @Test
    void aTransitionEndsItsWaitingTaskInPlaceOrWritesNothing() {
        Instance base = instance(REF);
        store.instances().create(base);
        Change resize = resize(5);
        TaskId taskId = TaskId.of(1, UUID.nameUUIDFromBytes(new byte[] {7}));
        Order scheduled = new Order(new OrderId("CS2601151000ENDED"), REF, resize, OrderStatus.SCHEDULED,
                resize.fingerprint(), T0, T0, T0.plus(Duration.ofHours(1)), taskId);
        Task waiting = Task.pending(taskId, REF, TaskType.MODIFY, new TargetConfig(new Flavor("iotda.standard.s1", 5),
                null), scheduled.orderId(), base.profile().operateWindow(), T0);
        Instance holding = held(base, scheduled).withTasks(1);
        store.orders().place(scheduled, holding, waiting);

        Instant ran = T0.plus(Duration.ofHours(2));
        Order.Transition transition = scheduled.run(holding, CatalogueFile.published(), ran);
        Task.End end = Task.End.of(scheduled, transition.taskOutcome(), ran).orElseThrow();
        Object before = contentOf(store);
        Task.End ofAnother = new Task.End(TaskId.of(2, UUID.nameUUIDFromBytes(new byte[] {8})), TaskStatus.SUCCESS,
                null, ran);
        assertThrows(Conflict.class, () -> store.orders().apply(transition, ofAnother), "no such task");
        assertEquals(before, contentOf(store), "nothing written when the task is missing");

        store.orders().apply(transition, end);
        Task ended = store.tasks().find(REF, taskId).orElseThrow();
        assertEquals(waiting.after(Order.TaskOutcome.SUCCEEDED, ran), ended, "as the task read and ended would be");
        assertEquals(OrderStatus.COMPLETED, store.orders().find(REF, scheduled.orderId()).orElseThrow().status());

        Order again = new Order(new OrderId("CS2601151000ENDEB"), REF, resize, OrderStatus.SCHEDULED,
                resize.fingerprint(), ran, ran, ran, taskId);
        Instance current = store.instances().find(REF).orElseThrow();
        store.orders().place(again, held(current, again), null);
        Instance holdingAgain = store.instances().find(REF).orElseThrow();
        Order.Transition second = again.run(holdingAgain, CatalogueFile.published(), ran);
        Object beforeEnded = contentOf(store);
        assertThrows(Conflict.class, () -> store.orders().apply(second, Task.End.of(again, second.taskOutcome(), ran)
                .orElseThrow()), "the task has ended already");
        assertEquals(beforeEnded, contentOf(store));
    }

    @Test
    void anAccountsNameAndIdAreItsOwnAndAProjectIsOnePerRegion() {
        Credentials credentials = store.credentials();
        Account plant = new Account("a".repeat(32), "plant");
        credentials.createAccount(plant);
        assertEquals(Optional.of(plant), credentials.findAccountByName("plant"));
        assertEquals(Optional.of(plant), credentials.findAccount(plant.domainId()));
        Object before = contentOf(store);
        assertThrows(Conflict.class, () -> credentials.createAccount(new Account("b".repeat(32), "plant")));
        assertEquals(before, contentOf(store), "a refused account writes nothing");
        Project north = new Project("c".repeat(32), "cn-north-4", plant.domainId());
        credentials.createProject(north);
        assertThrows(Conflict.class, () -> credentials.createProject(new Project("d".repeat(32), "cn-north-4",
                plant.domainId())));
        assertThrows(Conflict.class, () -> credentials.createProject(new Project("e".repeat(32), "cn-south-1",
                "f".repeat(32))), "a project of no account");
        Project south = new Project("d".repeat(32), "cn-south-1", plant.domainId());
        credentials.createProject(south);
        assertEquals(List.of(north, south), credentials.projectsOf(plant.domainId()));
        assertEquals(Optional.of(south), credentials.findProject(south.projectId()));
        assertEquals(Optional.empty(), credentials.findProject("e".repeat(32)));
    }

    @Test
    void aUsersCountsAreWrittenOnlyOverTheVersionRead() {
        Credentials credentials = store.credentials();
        Account plant = new Account("a".repeat(32), "plant");
        credentials.createAccount(plant);
        User user = User.create(plant.domainId(), "operator", "1".repeat(32),
                PasswordHash.decode(TestWorld.PASSWORD_HASH));
        credentials.createUser(user);
        assertThrows(Conflict.class, () -> credentials.createUser(user));
        User failed = user.failedAt(T0);
        assertTrue(credentials.updateUser(failed));
        assertFalse(credentials.updateUser(user.failedAt(T0)), "a write over a version since changed is lost");
        assertEquals(1, credentials.findUser(plant.domainId(), "operator").orElseThrow().failures());
        assertEquals(List.of("operator"), credentials.usersNamed("operator").stream().map(User::name).toList());
    }

    @Test
    void aUsersKeysAreFoundByTheUserAndGoWithTheirRevocation() {
        Credentials credentials = store.credentials();
        Account plant = new Account("a".repeat(32), "plant");
        credentials.createAccount(plant);
        AccessKey key = AccessKey.ofUser("USERKEY1", "secret", plant.domainId(), "operator", T0);
        credentials.saveAccessKey(key);
        credentials.saveAccessKey(new AccessKey("PROJECTKEY1", "secret", "p1", T0));
        assertEquals(List.of(key), credentials.keysOf(plant.domainId(), "operator"));
        assertEquals(Optional.of(key), credentials.findAccessKey("USERKEY1"));
        assertTrue(credentials.deleteAccessKey("USERKEY1"));
        assertEquals(List.of(), credentials.keysOf(plant.domainId(), "operator"));
        assertFalse(credentials.deleteAccessKey("USERKEY1"));
    }
}
