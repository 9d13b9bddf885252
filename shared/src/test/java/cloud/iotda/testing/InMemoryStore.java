package cloud.iotda.testing;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.FlavorSales;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.ProcessorPasses;
import cloud.iotda.usecase.port.Tasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The ports in memory, with the same conditions as the DynamoDB adapter (StoreContract runs the same checks on
 * both), for fast tests of the rules. Every method holds the one lock, so a write and its conditions are atomic.
 */
public final class InMemoryStore implements Instances, Orders, Credentials, FlavorSales, Tasks, ProcessorPasses {
    private final Map<InstanceRef, Instance> instances = new LinkedHashMap<>();
    private final Map<OrderId, Order> orders = new LinkedHashMap<>();
    private final Map<String, StoredToken> tokens = new TreeMap<>();
    private final Map<String, AccessKey> accessKeys = new TreeMap<>();
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, Project> projects = new TreeMap<>();
    private final Map<String, User> users = new TreeMap<>();
    private final Map<String, SaleStatus> sales = new TreeMap<>();
    /** By instance, then by the task's place in the instance's history. */
    private final Map<InstanceRef, TreeMap<Long, Task>> tasks = new LinkedHashMap<>();
    private Instant latestPass;

    /** Everything held, as a value: equal snapshots mean nothing was written in between. */
    public synchronized Object snapshot() {
        Map<InstanceRef, Map<Long, Task>> taskCopy = new LinkedHashMap<>();
        tasks.forEach((ref, byPlace) -> taskCopy.put(ref, Map.copyOf(byPlace)));
        return List.of(Map.copyOf(instances), Map.copyOf(orders), Map.copyOf(tokens), Map.copyOf(accessKeys),
                Map.copyOf(sales), Map.copyOf(taskCopy), Optional.ofNullable(latestPass));
    }

    @Override
    public synchronized Optional<Instance> find(InstanceRef ref) {
        return Optional.ofNullable(instances.get(ref));
    }

    @Override
    public synchronized void create(Instance instance) {
        if (instances.containsKey(instance.ref())) {
            throw new Conflict("instance " + instance.ref() + " exists");
        }
        instances.put(instance.ref(), instance);
    }

    @Override
    public synchronized void update(Instance changed) {
        requireVersion(changed);
        instances.put(changed.ref(), changed);
    }

    @Override
    public synchronized Page<Instance> listed(String projectId, Optional<String> before, int limit) {
        List<Instance> newestFirst = instances.values().stream()
                .filter(instance -> instance.ref().projectId().equals(projectId) && !instance.isDeleted())
                .filter(instance -> before.map(marker -> instance.recordId().compareTo(marker) < 0).orElse(true))
                .sorted(Comparator.comparing(Instance::recordId).reversed())
                .toList();
        List<Instance> page = newestFirst.subList(0, Math.min(limit, newestFirst.size()));
        return new Page<>(page, newestFirst.size() > limit ? page.get(page.size() - 1).recordId() : null);
    }

    @Override
    public synchronized Optional<InstanceCount> counted(String projectId) {
        List<Instance> ever = instances.values().stream()
                .filter(instance -> instance.ref().projectId().equals(projectId)).toList();
        if (ever.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstanceCount(
                ever.stream().filter(instance -> !instance.isDeleted() && instance.edition() == Edition.STANDARD)
                        .count(),
                ever.stream().filter(instance -> !instance.isDeleted() && instance.edition() == Edition.ENTERPRISE)
                        .count()));
    }

    @Override
    public synchronized Page<Instance> subscriptionsDue(Instant now, int limit, String cursor) {
        List<Instance> due = instances.values().stream()
                .filter(instance -> dueAt(instance) != null && !dueAt(instance).isAfter(now))
                .sorted(Comparator.comparing(InMemoryStore::dueAt)
                        .thenComparing(instance -> instance.ref().instanceId()))
                .toList();
        return pageAfter(due, instance -> dueAt(instance) + "#" + instance.ref().instanceId(), limit, cursor);
    }

    /** As the service in memory runs them, subscriptions lapse as the standard terms say. */
    private static Instant dueAt(Instance instance) {
        return instance.subscriptionDueAt(Lapse.STANDARD);
    }

    @Override
    public synchronized Optional<Instant> latest() {
        return Optional.ofNullable(latestPass);
    }

    @Override
    public synchronized void record(Instant at) {
        if (latestPass == null || latestPass.isBefore(at)) {
            latestPass = at;
        }
    }

    @Override
    public synchronized List<Instance> all() {
        return instances.values().stream().filter(instance -> !instance.isDeleted()).toList();
    }

    @Override
    public synchronized Optional<Order> find(InstanceRef instance, OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId)).filter(order -> order.instance().equals(instance));
    }

    @Override
    public synchronized Optional<Order> findById(OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public synchronized Page<Order> list(InstanceRef instance, int limit, OrderId after) {
        List<Order> newestFirst = orders.values().stream()
                .filter(order -> order.instance().equals(instance))
                .sorted(Comparator.comparing(Order::createTime).thenComparing(order -> order.orderId().value())
                        .reversed())
                .toList();
        int start = 0;
        if (after != null) {
            int index = indexOf(newestFirst, after);
            if (index < 0) {
                return new Page<>(List.of(), null);
            }
            start = index + 1;
        }
        List<Order> items = newestFirst.subList(start, Math.min(newestFirst.size(), start + limit));
        boolean more = start + limit < newestFirst.size();
        return new Page<>(items, more ? items.get(items.size() - 1).orderId().value() : null);
    }

    private static int indexOf(List<Order> list, OrderId orderId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).orderId().equals(orderId)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public synchronized Page<Order> due(OrderStatus status, Instant now, int limit, String cursor) {
        List<Order> due = orders.values().stream()
                .filter(order -> order.status() == status && order.dueAt() != null && !order.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Order::dueAt).thenComparing(order -> order.orderId().value()))
                .toList();
        return pageAfter(due, order -> order.dueAt() + "#" + order.orderId().value(), limit, cursor);
    }

    /**
     * A page as DynamoDB's Query gives it: the cursor is the key of the page's last item, and the next page starts
     * after that key, so items that left the list meanwhile (a due order the run finished) shift nothing. An offset
     * would skip as many items as left.
     */
    private static <T> Page<T> pageAfter(List<T> sorted, Function<T, String> key, int limit, String cursor) {
        List<T> rest = cursor == null ? sorted
                : sorted.stream().filter(item -> key.apply(item).compareTo(cursor) > 0).toList();
        List<T> items = new ArrayList<>(rest.subList(0, Math.min(limit, rest.size())));
        return new Page<>(items, rest.size() > limit ? key.apply(items.get(items.size() - 1)) : null);
    }

    /** Orders in memory are listed by project as they are: none lacks its keys. */
    @Override
    public int indexForProjectLists() {
        return 0;
    }

    @Override
    public synchronized List<Order> ofProject(String projectId, Instant from, Instant to) {
        return orders.values().stream()
                .filter(order -> order.instance().projectId().equals(projectId))
                .filter(order -> from == null || !order.createTime().isBefore(from))
                .filter(order -> to == null || !order.createTime().isAfter(to))
                .sorted(Comparator.comparing(Order::createTime).thenComparing(order -> order.orderId().value())
                        .reversed())
                .toList();
    }

    @Override
    public synchronized void place(Order order, Instance changed, Task task, Charge charge) {
        place(List.of(new Plan.Placement(order, changed, task, null)), charge);
    }

    @Override
    public synchronized void place(List<Plan.Placement> placements, Charge charge) {
        for (Plan.Placement placement : placements) {
            Order order = placement.order();
            Instance changed = placement.instance();
            if (orders.containsKey(order.orderId())) {
                throw new Conflict("order id " + order.orderId() + " taken");
            }
            if (changed.version() == 0 ? instances.containsKey(changed.ref()) : !atVersionBefore(changed)) {
                throw new Conflict("instance " + changed.ref() + " changed concurrently or exists");
            }
        }
        requireBalance(charge);
        take(charge);
        for (Plan.Placement placement : placements) {
            orders.put(placement.order().orderId(), placement.order());
            instances.put(placement.instance().ref(), placement.instance());
            putTask(placement.task());
        }
    }

    private void requireBalance(Charge charge) {
        Account account = charge == null ? null : accounts.get(charge.domainId());
        if (charge != null && (account == null
                || !charge.refund() && account.balance().compareTo(charge.amount()) < 0)) {
            throw new Conflict("account " + charge.domainId() + " holds less than " + charge.amount());
        }
    }

    private void take(Charge charge) {
        if (charge != null) {
            Account account = accounts.get(charge.domainId());
            accounts.put(account.domainId(), new Account(account.domainId(), account.name(),
                    charge.refund() ? account.balance().plus(charge.amount())
                            : account.balance().minus(charge.amount())));
        }
    }

    @Override
    public synchronized Optional<Account> topUp(String domainId, Amount amount) {
        Account account = accounts.get(domainId);
        if (account == null) {
            return Optional.empty();
        }
        Account topped = new Account(domainId, account.name(), account.balance().plus(amount));
        accounts.put(domainId, topped);
        return Optional.of(topped);
    }

    private void putTask(Task task) {
        if (task != null) {
            tasks.computeIfAbsent(task.instance(), ref -> new TreeMap<>()).put(task.taskId().sequence().orElseThrow(),
                    task);
        }
    }

    @Override
    public synchronized void apply(Order.Transition transition, List<Task> moved) {
        Order stored = orders.get(transition.order().orderId());
        if (stored == null || stored.status() != transition.from()) {
            throw new Conflict("order " + transition.order().orderId() + " is not " + transition.from());
        }
        if (transition.instance() != null) {
            requireVersion(transition.instance());
        }
        requireBalance(transition.charge());
        if (transition.instance() != null) {
            instances.put(transition.instance().ref(), transition.instance());
        }
        take(transition.charge());
        orders.put(transition.order().orderId(), transition.order());
        moved.forEach(this::putTask);
    }

    @Override
    public synchronized void apply(Order.Transition transition, Task.End end) {
        Optional<Task> task = find(transition.order().instance(), end.taskId());
        if (task.isEmpty() || task.get().status().ended()) {
            throw new Conflict("task " + end.taskId() + " is missing or has ended");
        }
        apply(transition, List.of(end.applyTo(task.get())));
    }

    @Override
    public synchronized Optional<Task> find(InstanceRef instance, TaskId taskId) {
        return taskId.sequence().map(place -> tasks.getOrDefault(instance, new TreeMap<>()).get(place))
                .filter(task -> task.taskId().equals(taskId));
    }

    @Override
    public synchronized List<Task> newest(InstanceRef instance, int limit) {
        return tasks.getOrDefault(instance, new TreeMap<>()).descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void record(Instance changed, List<Task> made) {
        if (changed.version() == 0 ? instances.containsKey(changed.ref()) : !atVersionBefore(changed)) {
            throw new Conflict("instance " + changed.ref() + " changed concurrently or exists");
        }
        instances.put(changed.ref(), changed);
        made.forEach(this::putTask);
    }

    private void requireVersion(Instance changed) {
        if (!atVersionBefore(changed)) {
            throw new Conflict("instance " + changed.ref() + " changed concurrently");
        }
    }

    private boolean atVersionBefore(Instance changed) {
        Instance stored = instances.get(changed.ref());
        return stored != null && stored.version() == changed.version() - 1;
    }

    @Override
    public synchronized Optional<StoredToken> findToken(byte[] tokenSha256) {
        return Optional.ofNullable(tokens.get(HexFormat.of().formatHex(tokenSha256)));
    }

    @Override
    public synchronized void saveToken(StoredToken token) {
        tokens.put(HexFormat.of().formatHex(token.tokenSha256()), token);
    }

    @Override
    public synchronized boolean deleteToken(byte[] tokenSha256) {
        return tokens.remove(HexFormat.of().formatHex(tokenSha256)) != null;
    }

    @Override
    public synchronized Optional<AccessKey> findAccessKey(String accessKeyId) {
        return Optional.ofNullable(accessKeys.get(accessKeyId));
    }

    @Override
    public synchronized void saveAccessKey(AccessKey key) {
        accessKeys.put(key.accessKeyId(), key);
    }

    @Override
    public synchronized boolean deleteAccessKey(String accessKeyId) {
        return accessKeys.remove(accessKeyId) != null;
    }

    @Override
    public synchronized Optional<Account> findAccount(String domainId) {
        return Optional.ofNullable(accounts.get(domainId));
    }

    @Override
    public synchronized Optional<Account> findAccountByName(String name) {
        return accounts.values().stream().filter(account -> account.name().equals(name)).findFirst();
    }

    @Override
    public synchronized void createAccount(Account account) {
        if (accounts.containsKey(account.domainId()) || findAccountByName(account.name()).isPresent()) {
            throw new Conflict("account " + account.name() + " exists");
        }
        accounts.put(account.domainId(), account);
    }

    @Override
    public synchronized List<Project> projectsOf(String domainId) {
        return projects.values().stream().filter(project -> project.domainId().equals(domainId))
                .sorted(Comparator.comparing(Project::name)).toList();
    }

    @Override
    public synchronized Optional<Project> findProject(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    @Override
    public synchronized void createProject(Project project) {
        if (!accounts.containsKey(project.domainId()) || projects.containsKey(project.projectId())
                || projectsOf(project.domainId()).stream().anyMatch(other -> other.name().equals(project.name()))) {
            throw new Conflict("project " + project.name() + " of " + project.domainId() + " exists");
        }
        projects.put(project.projectId(), project);
    }

    @Override
    public synchronized Optional<User> findUser(String domainId, String name) {
        return Optional.ofNullable(users.get(domainId + "/" + name));
    }

    @Override
    public synchronized void createUser(User user) {
        if (!accounts.containsKey(user.domainId()) || users.containsKey(user.domainId() + "/" + user.name())) {
            throw new Conflict("user " + user.name() + " exists");
        }
        users.put(user.domainId() + "/" + user.name(), user);
    }

    @Override
    public synchronized boolean updateUser(User user) {
        User stored = users.get(user.domainId() + "/" + user.name());
        if (stored == null || stored.version() != user.version() - 1) {
            return false;
        }
        users.put(user.domainId() + "/" + user.name(), user);
        return true;
    }

    @Override
    public synchronized List<User> usersNamed(String name) {
        return users.values().stream().filter(user -> user.name().equals(name)).toList();
    }

    @Override
    public synchronized List<AccessKey> keysOf(String domainId, String userName) {
        return accessKeys.values().stream().filter(key -> domainId.equals(key.domainId())
                && userName.equals(key.userName())).toList();
    }

    @Override
    public synchronized Set<String> soldOut(boolean latest) {
        Set<String> soldOut = new TreeSet<>();
        sales.forEach((type, status) -> {
            if (status == SaleStatus.SELLOUT) {
                soldOut.add(type);
            }
        });
        return Set.copyOf(soldOut);
    }

    @Override
    public synchronized void setSaleStatus(String flavorType, SaleStatus status) {
        sales.put(flavorType, status);
    }
}
